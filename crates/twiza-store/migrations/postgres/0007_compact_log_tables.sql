-- Nothing to do on PostgreSQL: its log tables already have their compact shape (this number
-- rebuilds SQLite's; the two folders keep the same sequence).
SELECT 1;
