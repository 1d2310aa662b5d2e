-- A grievance filed from a phone: written once however often the request is repeated, and the
-- complainant's phone kept to tell them of the acknowledgement. `filing_key` is the request's
-- key (`ussd:<session>`, `sms:<gateway>:<message id>`); grievances filed by staff have none
-- (NULLs never conflict). The phone is sealed, bound to the filing key (`grievance_phone_binding`),
-- since the grievance's id is not known before the insert.
ALTER TABLE grievances ADD COLUMN filing_key TEXT;
ALTER TABLE grievances ADD COLUMN complainant_phone_sealed BLOB;
CREATE UNIQUE INDEX grievances_filing_key ON grievances(filing_key);
