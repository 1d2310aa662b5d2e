//! The double-entry ledger of an association: its accounts, journal entries that must balance,
//! and the postings of donations, expenses and transfers. Also the rules of expenses (category,
//! the account they are paid from, evidence recognised by its content) and of transfers.
//!
//! Money lines are in centimes of MAD; goods received in kind are kept on two stock accounts in
//! quantities per item and unit, and balance per item and unit, never against money.

use crate::donation::{Gift, PaymentMethod};
use crate::money::Amount;
use crate::text::FieldError;
use std::collections::BTreeMap;

/// An account of an association's books.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Account {
    /// The campaign's bank account (cards and bank transfers arrive here).
    Bank,
    Cash,
    MobileWallet,
    /// Money given to one campaign (the line carries the campaign).
    DonationIncome,
    /// Goods received, in quantities per item and unit.
    InKindStock,
    /// Goods given to one campaign, in quantities (the counterpart of `InKindStock`).
    InKindIncome,
    ProgrammeExpenses,
    RunningCosts,
    TransfersOut,
    TransfersIn,
}

impl Account {
    pub const ALL: [Account; 10] = [
        Account::Bank,
        Account::Cash,
        Account::MobileWallet,
        Account::DonationIncome,
        Account::InKindStock,
        Account::InKindIncome,
        Account::ProgrammeExpenses,
        Account::RunningCosts,
        Account::TransfersOut,
        Account::TransfersIn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Account::Bank => "bank",
            Account::Cash => "cash",
            Account::MobileWallet => "mobile_wallet",
            Account::DonationIncome => "donation_income",
            Account::InKindStock => "in_kind_stock",
            Account::InKindIncome => "in_kind_income",
            Account::ProgrammeExpenses => "programme_expenses",
            Account::RunningCosts => "running_costs",
            Account::TransfersOut => "transfers_out",
            Account::TransfersIn => "transfers_in",
        }
    }

    pub fn parse(s: &str) -> Option<Account> {
        Account::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// Goods accounts hold quantities, never money.
    pub fn holds_goods(self) -> bool {
        matches!(self, Account::InKindStock | Account::InKindIncome)
    }

    /// Accounts kept per campaign (income).
    pub fn per_campaign(self) -> bool {
        matches!(self, Account::DonationIncome | Account::InKindIncome)
    }

    /// Assets and expenses grow with debits; income and transfers in with credits.
    pub fn debit_normal(self) -> bool {
        !matches!(
            self,
            Account::DonationIncome | Account::InKindIncome | Account::TransfersIn
        )
    }
}

/// The side of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Debit,
    Credit,
}

/// What a line moves: money, or a quantity of one item in one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    Money(Amount),
    Goods {
        item: String,
        unit: String,
        quantity: i64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub account: Account,
    pub side: Side,
    pub measure: Measure,
}

impl Line {
    pub fn debit(account: Account, amount: Amount) -> Line {
        Line {
            account,
            side: Side::Debit,
            measure: Measure::Money(amount),
        }
    }

    pub fn credit(account: Account, amount: Amount) -> Line {
        Line {
            account,
            side: Side::Credit,
            measure: Measure::Money(amount),
        }
    }

    /// Centimes on the debit and credit side.
    pub fn money(&self) -> (i64, i64) {
        match (&self.measure, self.side) {
            (Measure::Money(a), Side::Debit) => (a.centimes(), 0),
            (Measure::Money(a), Side::Credit) => (0, a.centimes()),
            (Measure::Goods { .. }, _) => (0, 0),
        }
    }
}

/// Why an entry was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    #[error("an entry needs at least one debit and one credit")]
    TooFewLines,
    #[error("money debits and credits differ")]
    Unbalanced,
    #[error("goods debits and credits differ for an item")]
    UnbalancedGoods,
    #[error("money on a goods account, or goods on a money account")]
    WrongMeasure,
    #[error("a quantity must be positive")]
    BadQuantity,
}

/// A journal entry: lines whose debits equal their credits (money in centimes; goods per item
/// and unit). Only [`JournalEntry::new`] builds one, so an unbalanced entry cannot exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    lines: Vec<Line>,
}

impl JournalEntry {
    pub fn new(lines: Vec<Line>) -> Result<JournalEntry, LedgerError> {
        let debits = lines.iter().filter(|l| l.side == Side::Debit).count();
        if debits == 0 || debits == lines.len() {
            return Err(LedgerError::TooFewLines);
        }
        let mut money: i128 = 0;
        let mut goods: BTreeMap<(&str, &str), i128> = BTreeMap::new();
        for line in &lines {
            let sign: i128 = match line.side {
                Side::Debit => 1,
                Side::Credit => -1,
            };
            match &line.measure {
                Measure::Money(a) => {
                    if line.account.holds_goods() {
                        return Err(LedgerError::WrongMeasure);
                    }
                    money += sign * i128::from(a.centimes());
                }
                Measure::Goods {
                    item,
                    unit,
                    quantity,
                } => {
                    if !line.account.holds_goods() {
                        return Err(LedgerError::WrongMeasure);
                    }
                    if *quantity <= 0 {
                        return Err(LedgerError::BadQuantity);
                    }
                    *goods.entry((item, unit)).or_default() += sign * i128::from(*quantity);
                }
            }
        }
        if money != 0 {
            return Err(LedgerError::Unbalanced);
        }
        if goods.values().any(|q| *q != 0) {
            return Err(LedgerError::UnbalancedGoods);
        }
        Ok(JournalEntry { lines })
    }

    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// One entry summing several: lines of the same account, side and measure (money, or the
    /// same item and unit) are added up. `None` if a sum leaves what an amount can hold.
    pub fn summary(entries: &[JournalEntry]) -> Option<JournalEntry> {
        let mut money: BTreeMap<(Account, bool), i64> = BTreeMap::new();
        let mut goods: BTreeMap<(Account, bool, &str, &str), i64> = BTreeMap::new();
        for line in entries.iter().flat_map(|e| e.lines.iter()) {
            let debit = line.side == Side::Debit;
            match &line.measure {
                Measure::Money(amount) => {
                    let sum = money.entry((line.account, debit)).or_default();
                    *sum = sum.checked_add(amount.centimes())?;
                }
                Measure::Goods {
                    item,
                    unit,
                    quantity,
                } => {
                    let sum = goods
                        .entry((line.account, debit, item.as_str(), unit.as_str()))
                        .or_default();
                    *sum = sum.checked_add(*quantity)?;
                }
            }
        }
        let side = |debit: bool| if debit { Side::Debit } else { Side::Credit };
        let mut lines = Vec::with_capacity(money.len() + goods.len());
        for ((account, debit), centimes) in money {
            lines.push(Line {
                account,
                side: side(debit),
                measure: Measure::Money(Amount::from_centimes(centimes)?),
            });
        }
        for ((account, debit, item, unit), quantity) in goods {
            lines.push(Line {
                account,
                side: side(debit),
                measure: Measure::Goods {
                    item: item.to_owned(),
                    unit: unit.to_owned(),
                    quantity,
                },
            });
        }
        JournalEntry::new(lines).ok()
    }
}

/// The account a payment method lands in: cards and bank transfers in the bank, mobile wallets
/// in the wallet, cash in the cash box.
pub fn account_for_method(method: PaymentMethod) -> Account {
    match method {
        PaymentMethod::Card | PaymentMethod::BankTransfer => Account::Bank,
        PaymentMethod::MobileWallet => Account::MobileWallet,
        PaymentMethod::Cash => Account::Cash,
    }
}

/// A confirmed donation: money debits where it arrived and credits the campaign's income; goods
/// debit the stock and credit in-kind income, per item.
pub fn donation_entry(gift: &Gift) -> Result<JournalEntry, LedgerError> {
    match gift {
        Gift::Money { amount, method } => JournalEntry::new(vec![
            Line::debit(account_for_method(*method), *amount),
            Line::credit(Account::DonationIncome, *amount),
        ]),
        Gift::InKind { items } => {
            let mut lines = Vec::with_capacity(items.len() * 2);
            for i in items {
                for (account, side) in [
                    (Account::InKindStock, Side::Debit),
                    (Account::InKindIncome, Side::Credit),
                ] {
                    lines.push(Line {
                        account,
                        side,
                        measure: Measure::Goods {
                            item: i.item.clone(),
                            unit: i.unit.clone(),
                            quantity: i.quantity,
                        },
                    });
                }
            }
            JournalEntry::new(lines)
        }
    }
}

/// What an expense pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExpenseCategory {
    /// The campaign's purpose (tents, food, repairs…).
    Programme,
    /// Running the collection (fees, transport of volunteers…).
    RunningCosts,
}

impl ExpenseCategory {
    pub const ALL: [ExpenseCategory; 2] =
        [ExpenseCategory::Programme, ExpenseCategory::RunningCosts];

    pub fn as_str(self) -> &'static str {
        match self {
            ExpenseCategory::Programme => "programme",
            ExpenseCategory::RunningCosts => "running_costs",
        }
    }

    pub fn parse(s: &str) -> Option<ExpenseCategory> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn account(self) -> Account {
        match self {
            ExpenseCategory::Programme => Account::ProgrammeExpenses,
            ExpenseCategory::RunningCosts => Account::RunningCosts,
        }
    }
}

/// The account an expense was paid from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaidFrom {
    Bank,
    Cash,
    MobileWallet,
}

impl PaidFrom {
    pub const ALL: [PaidFrom; 3] = [PaidFrom::Bank, PaidFrom::Cash, PaidFrom::MobileWallet];

    pub fn as_str(self) -> &'static str {
        self.account().as_str()
    }

    pub fn parse(s: &str) -> Option<PaidFrom> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    pub fn account(self) -> Account {
        match self {
            PaidFrom::Bank => Account::Bank,
            PaidFrom::Cash => Account::Cash,
            PaidFrom::MobileWallet => Account::MobileWallet,
        }
    }
}

/// An approved expense: debits its category, credits the account it was paid from.
pub fn expense_entry(
    amount: Amount,
    category: ExpenseCategory,
    paid_from: PaidFrom,
) -> Result<JournalEntry, LedgerError> {
    JournalEntry::new(vec![
        Line::debit(category.account(), amount),
        Line::credit(paid_from.account(), amount),
    ])
}

/// A confirmed transfer: the sender debits transfers out and credits its bank; the receiver
/// debits its bank and credits transfers in.
pub fn transfer_entries(amount: Amount) -> Result<(JournalEntry, JournalEntry), LedgerError> {
    Ok((
        JournalEntry::new(vec![
            Line::debit(Account::TransfersOut, amount),
            Line::credit(Account::Bank, amount),
        ])?,
        JournalEntry::new(vec![
            Line::debit(Account::Bank, amount),
            Line::credit(Account::TransfersIn, amount),
        ])?,
    ))
}

/// Where an expense stands. Submitted by one treasury member, approved or rejected by another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpenseStatus {
    Submitted,
    Approved,
    Rejected,
}

impl ExpenseStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ExpenseStatus::Submitted => "submitted",
            ExpenseStatus::Approved => "approved",
            ExpenseStatus::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<ExpenseStatus> {
        [Self::Submitted, Self::Approved, Self::Rejected]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// Where a transfer stands: sent by one association, confirmed by the receiving one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransferStatus {
    Pending,
    Confirmed,
}

impl TransferStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TransferStatus::Pending => "pending",
            TransferStatus::Confirmed => "confirmed",
        }
    }

    pub fn parse(s: &str) -> Option<TransferStatus> {
        [Self::Pending, Self::Confirmed]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// Largest evidence file: 2 MB.
pub const MAX_EVIDENCE_BYTES: usize = 2 * 1024 * 1024;

/// The media type of an evidence file, recognised by its first bytes (a declared type is only
/// accepted when the content agrees).
pub fn evidence_media_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

/// Checks an evidence file against its declared type (`pdf`, `png`, `jpeg` or `webp`, or the
/// full media type): returns the media type. Empty, oversized or mismatching files are
/// `invalid_evidence`.
pub fn parse_evidence(declared: &str, bytes: &[u8]) -> Result<&'static str, FieldError> {
    let invalid = || FieldError::new("evidence", "invalid_evidence");
    if bytes.is_empty() || bytes.len() > MAX_EVIDENCE_BYTES {
        return Err(invalid());
    }
    let declared = match declared {
        "pdf" | "application/pdf" => "application/pdf",
        "png" | "image/png" => "image/png",
        "jpeg" | "jpg" | "image/jpeg" => "image/jpeg",
        "webp" | "image/webp" => "image/webp",
        _ => return Err(invalid()),
    };
    match evidence_media_type(bytes) {
        Some(found) if found == declared => Ok(found),
        _ => Err(invalid()),
    }
}

/// Signed centimes as a decimal string with two decimals: `-12.50`, `0.00`.
pub fn format_centimes(centimes: i64) -> String {
    let sign = if centimes < 0 { "-" } else { "" };
    let abs = centimes.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::donation::PledgedItem;

    fn mad(s: &str) -> Amount {
        Amount::parse("amount", s).unwrap()
    }

    #[test]
    fn balanced_entries_are_accepted() {
        let e = JournalEntry::new(vec![
            Line::debit(Account::Bank, mad("100")),
            Line::credit(Account::DonationIncome, mad("60")),
            Line::credit(Account::DonationIncome, mad("40")),
        ])
        .unwrap();
        let (d, c) = e.lines().iter().fold((0, 0), |(d, c), l| {
            let (ld, lc) = l.money();
            (d + ld, c + lc)
        });
        assert_eq!((d, c), (10_000, 10_000));
    }

    #[test]
    fn unbalanced_entries_are_refused() {
        assert_eq!(
            JournalEntry::new(vec![
                Line::debit(Account::Bank, mad("100")),
                Line::credit(Account::DonationIncome, mad("99.99")),
            ]),
            Err(LedgerError::Unbalanced)
        );
        assert_eq!(
            JournalEntry::new(vec![Line::debit(Account::Bank, mad("1"))]),
            Err(LedgerError::TooFewLines)
        );
        assert_eq!(
            JournalEntry::new(vec![
                Line::credit(Account::Bank, mad("1")),
                Line::credit(Account::Cash, mad("1")),
            ]),
            Err(LedgerError::TooFewLines)
        );
        assert_eq!(
            JournalEntry::new(vec![
                Line::debit(Account::InKindStock, mad("1")),
                Line::credit(Account::DonationIncome, mad("1")),
            ]),
            Err(LedgerError::WrongMeasure)
        );
        let goods = |account, side, quantity| Line {
            account,
            side,
            measure: Measure::Goods {
                item: "Tente".into(),
                unit: "pièce".into(),
                quantity,
            },
        };
        assert_eq!(
            JournalEntry::new(vec![
                goods(Account::InKindStock, Side::Debit, 10),
                goods(Account::InKindIncome, Side::Credit, 9),
            ]),
            Err(LedgerError::UnbalancedGoods)
        );
        assert_eq!(
            JournalEntry::new(vec![
                goods(Account::InKindStock, Side::Debit, 0),
                goods(Account::InKindIncome, Side::Credit, 0),
            ]),
            Err(LedgerError::BadQuantity)
        );
    }

    #[test]
    fn postings_follow_the_rules() {
        let card = donation_entry(&Gift::Money {
            amount: mad("250"),
            method: PaymentMethod::Card,
        })
        .unwrap();
        assert_eq!(card.lines()[0], Line::debit(Account::Bank, mad("250")));
        assert_eq!(
            card.lines()[1],
            Line::credit(Account::DonationIncome, mad("250"))
        );
        for (method, account) in [
            (PaymentMethod::BankTransfer, Account::Bank),
            (PaymentMethod::MobileWallet, Account::MobileWallet),
            (PaymentMethod::Cash, Account::Cash),
        ] {
            assert_eq!(account_for_method(method), account);
        }
        let goods = donation_entry(&Gift::InKind {
            items: vec![
                PledgedItem {
                    item: "Couverture".into(),
                    quantity: 40,
                    unit: "pièce".into(),
                },
                PledgedItem {
                    item: "Farine".into(),
                    quantity: 100,
                    unit: "kg".into(),
                },
            ],
        })
        .unwrap();
        assert_eq!(goods.lines().len(), 4);
        assert!(goods.lines().iter().all(|l| l.money() == (0, 0)));

        let e = expense_entry(mad("80"), ExpenseCategory::RunningCosts, PaidFrom::Cash).unwrap();
        assert_eq!(e.lines()[0], Line::debit(Account::RunningCosts, mad("80")));
        assert_eq!(e.lines()[1], Line::credit(Account::Cash, mad("80")));
        let (out, inn) = transfer_entries(mad("5")).unwrap();
        assert_eq!(out.lines()[0].account, Account::TransfersOut);
        assert_eq!(out.lines()[1], Line::credit(Account::Bank, mad("5")));
        assert_eq!(inn.lines()[0], Line::debit(Account::Bank, mad("5")));
        assert_eq!(inn.lines()[1].account, Account::TransfersIn);
    }

    #[test]
    fn evidence_is_recognised_by_content() {
        assert_eq!(parse_evidence("pdf", b"%PDF-1.7\n"), Ok("application/pdf"));
        assert_eq!(
            parse_evidence("png", b"\x89PNG\r\n\x1a\nxx"),
            Ok("image/png")
        );
        assert_eq!(
            parse_evidence("image/jpeg", &[0xFF, 0xD8, 0xFF, 0xE0]),
            Ok("image/jpeg")
        );
        for (declared, bytes) in [
            ("pdf", &b"<html>"[..]),
            ("png", b"%PDF-1.7"),
            ("svg", b"<svg/>"),
            ("pdf", b""),
        ] {
            assert_eq!(
                parse_evidence(declared, bytes).unwrap_err().code,
                "invalid_evidence"
            );
        }
        let big = [b"%PDF-".as_slice(), &vec![0u8; MAX_EVIDENCE_BYTES]].concat();
        assert!(parse_evidence("pdf", &big).is_err());
    }

    #[test]
    fn signed_amounts() {
        assert_eq!(format_centimes(0), "0.00");
        assert_eq!(format_centimes(-1250), "-12.50");
        assert_eq!(format_centimes(100_005), "1000.05");
        assert_eq!(format_centimes(i64::MIN), "-92233720368547758.08");
    }

    #[test]
    fn accounts_round_trip() {
        for a in Account::ALL {
            assert_eq!(Account::parse(a.as_str()), Some(a));
        }
        for c in ExpenseCategory::ALL {
            assert_eq!(ExpenseCategory::parse(c.as_str()), Some(c));
        }
        for p in PaidFrom::ALL {
            assert_eq!(PaidFrom::parse(p.as_str()), Some(p));
        }
        assert_eq!(PaidFrom::parse("donation_income"), None);
    }

    #[test]
    fn summaries_add_up_lines_of_the_same_account_and_measure() {
        use crate::donation::{Gift, PaymentMethod, PledgedItem};
        let money = |c: i64, method| Gift::Money {
            amount: Amount::from_centimes(c).unwrap(),
            method,
        };
        let goods = |q: i64| Gift::InKind {
            items: vec![PledgedItem {
                item: "Couverture".into(),
                quantity: q,
                unit: "pièce".into(),
            }],
        };
        let each: Vec<JournalEntry> = [
            money(10_000, PaymentMethod::Card),
            money(2_550, PaymentMethod::BankTransfer),
            money(500, PaymentMethod::Cash),
            goods(3),
            goods(4),
        ]
        .iter()
        .map(|g| donation_entry(g).unwrap())
        .collect();
        let sum = JournalEntry::summary(&each).unwrap();
        let line = |account, side: Side| {
            sum.lines()
                .iter()
                .filter(|l| l.account == account && l.side == side)
                .map(|l| match &l.measure {
                    Measure::Money(a) => a.centimes(),
                    Measure::Goods { quantity, .. } => *quantity,
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(line(Account::Bank, Side::Debit), vec![12_550]);
        assert_eq!(line(Account::Cash, Side::Debit), vec![500]);
        assert_eq!(line(Account::DonationIncome, Side::Credit), vec![13_050]);
        assert_eq!(line(Account::InKindStock, Side::Debit), vec![7]);
        assert_eq!(sum.lines().len(), 5);
        // Sums beyond what an amount holds are refused, not wrapped.
        let huge: Vec<JournalEntry> = (0..3)
            .map(|_| {
                donation_entry(&money(crate::money::MAX_CENTIMES, PaymentMethod::Card)).unwrap()
            })
            .collect();
        assert!(JournalEntry::summary(&huge).is_none());
    }
}
