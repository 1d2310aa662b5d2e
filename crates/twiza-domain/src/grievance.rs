//! Grievances and appeals: a household, or someone for it, contests an exclusion, an amount or a
//! payment; the association acknowledges, decides with an explanation, and a different person
//! decides an appeal — each step against a deadline.

use crate::refusal::Refusal;
use crate::text::FieldError;

code_enum!(
    /// What is contested.
    GrievanceSubject {
        Exclusion => "exclusion",
        Amount => "amount",
        PaymentNotReceived => "payment_not_received",
        DataError => "data_error",
        Conduct => "conduct",
        Other => "other",
    }
);

code_enum!(
    /// How the grievance reached the association.
    GrievanceChannel {
        InPerson => "in_person",
        Phone => "phone",
        Sms => "sms",
        Ussd => "ussd",
        Letter => "letter",
        Web => "web",
    }
);

impl GrievanceChannel {
    /// Whether a member of the association may record a grievance as received this way: a USSD
    /// session reaches Twiza only through the gateway, never through a person.
    pub fn staff_may_record(self) -> bool {
        self != GrievanceChannel::Ussd
    }
}

code_enum!(
    /// Who brought it: a member of the household, or someone acting for it (a neighbour, the
    /// douar's representative, a social worker).
    FiledBy {
        Member => "member",
        Representative => "representative",
    }
);

code_enum!(
    /// Where a grievance stands.
    GrievanceStatus {
        Received => "received",
        Acknowledged => "acknowledged",
        Decided => "decided",
        Appealed => "appealed",
        Closed => "closed",
    }
);

code_enum!(
    /// The decision on a grievance or on its appeal.
    Outcome {
        Upheld => "upheld",
        PartlyUpheld => "partly_upheld",
        Rejected => "rejected",
    }
);

code_enum!(
    /// What the decision changes for the household.
    Remedy {
        ReEnrolled => "re_enrolled",
        AmountCorrected => "amount_corrected",
        PaymentReissued => "payment_reissued",
        DataRectified => "data_rectified",
        NoChange => "no_change",
        Other => "other",
    }
);

/// Longest statement or explanation kept, in characters.
pub const MAX_TEXT_CHARS: usize = 4000;

const DAY: i64 = 86_400;

/// The deadlines, in days, counted from the event that opens each step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadlines {
    /// From receipt to acknowledgement.
    pub acknowledge_days: i64,
    /// From receipt to decision.
    pub decide_days: i64,
    /// From decision to the end of the window in which the household may appeal.
    pub appeal_days: i64,
    /// From appeal to the appeal's decision.
    pub appeal_decide_days: i64,
}

impl Default for Deadlines {
    fn default() -> Deadlines {
        Deadlines {
            acknowledge_days: 3,
            decide_days: 30,
            appeal_days: 30,
            appeal_decide_days: 30,
        }
    }
}

impl Deadlines {
    /// The acknowledgement and decision deadlines of a grievance received at `at` (Unix seconds).
    pub fn on_receipt(&self, at: i64) -> (i64, i64) {
        (
            at + self.acknowledge_days * DAY,
            at + self.decide_days * DAY,
        )
    }

    /// The end of the appeal window after a decision at `at`.
    pub fn appeal_window(&self, at: i64) -> i64 {
        at + self.appeal_days * DAY
    }

    /// The deadline of an appeal made at `at`.
    pub fn appeal_decision(&self, at: i64) -> i64 {
        at + self.appeal_decide_days * DAY
    }

    /// Checks configured values: each between 1 and 365 days.
    pub fn check(&self) -> Result<(), String> {
        for (name, days) in [
            ("acknowledge_days", self.acknowledge_days),
            ("decide_days", self.decide_days),
            ("appeal_days", self.appeal_days),
            ("appeal_decide_days", self.appeal_decide_days),
        ] {
            if !(1..=365).contains(&days) {
                return Err(format!("grievance deadline {name} must be 1 to 365 days"));
            }
        }
        if self.acknowledge_days > self.decide_days {
            return Err("grievance acknowledge_days cannot exceed decide_days".into());
        }
        Ok(())
    }
}

/// A step of a grievance's life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Acknowledge,
    Decide,
    Appeal,
    DecideAppeal,
}

/// The status a step leads to from `status`, or the refusal saying why it cannot be taken.
pub fn next_status(status: GrievanceStatus, step: Step) -> Result<GrievanceStatus, Refusal> {
    use GrievanceStatus as S;
    match (status, step) {
        (S::Received, Step::Acknowledge) => Ok(S::Acknowledged),
        (S::Received | S::Acknowledged, Step::Decide) => Ok(S::Decided),
        (S::Decided, Step::Appeal) => Ok(S::Appealed),
        (S::Appealed, Step::DecideAppeal) => Ok(S::Closed),
        (S::Closed, _) => Err(Refusal::GrievanceClosed),
        _ => Err(Refusal::GrievanceWrongStep),
    }
}

/// The deadline a grievance in `status` is held to now, if any: acknowledgement while received,
/// decision until decided, the appeal's decision while appealed.
pub fn current_deadline(
    status: GrievanceStatus,
    acknowledge_by: i64,
    decide_by: i64,
    appeal_decide_by: Option<i64>,
) -> Option<i64> {
    match status {
        GrievanceStatus::Received => Some(acknowledge_by.min(decide_by)),
        GrievanceStatus::Acknowledged => Some(decide_by),
        GrievanceStatus::Appealed => appeal_decide_by,
        GrievanceStatus::Decided | GrievanceStatus::Closed => None,
    }
}

/// A statement or explanation: trimmed, not empty, at most [`MAX_TEXT_CHARS`] characters.
pub fn parse_statement(field: &'static str, raw: &str) -> Result<String, FieldError> {
    crate::text::parse_text(field, raw, MAX_TEXT_CHARS)
}

/// Days back a date of receipt may go.
pub const MAX_RECEIPT_AGE_DAYS: i64 = 365;

/// When a grievance was received, as Unix seconds: `now` when not given; otherwise a date
/// `YYYY-MM-DD` (taken at noon UTC) not after `today` and at most a year before it.
pub fn parse_received_on(
    raw: Option<&str>,
    today: time::Date,
    now: i64,
) -> Result<i64, FieldError> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(now);
    };
    let date = crate::campaign::parse_date("received_on", raw)?;
    if date > today {
        return Err(FieldError::new("received_on", "date_in_future"));
    }
    if (today - date).whole_days() > MAX_RECEIPT_AGE_DAYS {
        return Err(FieldError::new("received_on", "received_too_long_ago"));
    }
    if date == today {
        return Ok(now);
    }
    Ok(date
        .with_hms(12, 0, 0)
        .map_or(now, |d| d.assume_utc().unix_timestamp()))
}

/// A decision: its outcome, remedy and explanation, checked together. An upheld or partly upheld
/// grievance names what changes (`no_change` is refused); a rejected one changes nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub outcome: Outcome,
    pub remedy: Remedy,
    pub explanation: String,
}

impl Decision {
    pub fn parse(
        outcome: &str,
        remedy: &str,
        explanation: &str,
    ) -> Result<Decision, Vec<FieldError>> {
        let outcome = Outcome::parse(outcome).ok_or(FieldError::new("outcome", "validation"));
        let remedy = Remedy::parse(remedy).ok_or(FieldError::new("remedy", "validation"));
        let explanation = parse_statement("explanation", explanation);
        match (outcome, remedy, explanation) {
            (Ok(outcome), Ok(remedy), Ok(explanation)) => {
                let consistent = match outcome {
                    Outcome::Rejected => remedy == Remedy::NoChange,
                    Outcome::Upheld | Outcome::PartlyUpheld => remedy != Remedy::NoChange,
                };
                if consistent {
                    Ok(Decision {
                        outcome,
                        remedy,
                        explanation,
                    })
                } else {
                    Err(vec![FieldError::new("remedy", "remedy_mismatch")])
                }
            }
            (o, r, e) => Err([o.err(), r.err(), e.err()].into_iter().flatten().collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grievance_goes_received_acknowledged_decided_appealed_closed() {
        use GrievanceStatus as S;
        let mut s = S::Received;
        for step in [
            Step::Acknowledge,
            Step::Decide,
            Step::Appeal,
            Step::DecideAppeal,
        ] {
            s = next_status(s, step).unwrap();
        }
        assert_eq!(s, S::Closed);
        assert_eq!(next_status(S::Received, Step::Decide), Ok(S::Decided));
        assert_eq!(
            next_status(S::Received, Step::Appeal),
            Err(Refusal::GrievanceWrongStep)
        );
        assert_eq!(
            next_status(S::Decided, Step::Decide),
            Err(Refusal::GrievanceWrongStep)
        );
        assert_eq!(
            next_status(S::Closed, Step::Appeal),
            Err(Refusal::GrievanceClosed)
        );
        assert_eq!(
            next_status(S::Appealed, Step::Appeal),
            Err(Refusal::GrievanceWrongStep)
        );
    }

    #[test]
    fn deadlines_count_days_from_each_step() {
        let d = Deadlines::default();
        assert_eq!(d.on_receipt(1000), (1000 + 3 * DAY, 1000 + 30 * DAY));
        assert_eq!(d.appeal_window(0), 30 * DAY);
        assert_eq!(
            current_deadline(GrievanceStatus::Received, 5, 9, None),
            Some(5)
        );
        assert_eq!(
            current_deadline(GrievanceStatus::Acknowledged, 5, 9, None),
            Some(9)
        );
        assert_eq!(
            current_deadline(GrievanceStatus::Appealed, 5, 9, Some(20)),
            Some(20)
        );
        assert_eq!(current_deadline(GrievanceStatus::Decided, 5, 9, None), None);
        assert!(d.check().is_ok());
        assert!(Deadlines {
            decide_days: 0,
            ..d
        }
        .check()
        .is_err());
        assert!(Deadlines {
            acknowledge_days: 40,
            ..d
        }
        .check()
        .is_err());
    }

    #[test]
    fn a_date_of_receipt_is_past_and_recent() {
        let today = time::macros::date!(2026 - 11 - 29);
        let now = 1_795_000_000;
        assert_eq!(parse_received_on(None, today, now), Ok(now));
        assert_eq!(parse_received_on(Some("2026-11-29"), today, now), Ok(now));
        let days_ago = parse_received_on(Some("2026-11-24"), today, now).unwrap();
        assert_eq!(
            days_ago,
            time::macros::datetime!(2026 - 11 - 24 12:00 UTC).unix_timestamp()
        );
        let code = |raw| parse_received_on(Some(raw), today, now).unwrap_err().code;
        assert_eq!(code("2026-11-30"), "date_in_future");
        assert_eq!(code("2025-11-28"), "received_too_long_ago");
        assert_eq!(code("29/11/2026"), "invalid_date");
    }

    #[test]
    fn a_decision_names_a_remedy_that_fits_its_outcome() {
        let ok =
            Decision::parse("upheld", "re_enrolled", "  Index recomputed after visit. ").unwrap();
        assert_eq!(ok.explanation, "Index recomputed after visit.");
        assert!(Decision::parse("rejected", "no_change", "Above the threshold.").is_ok());
        let codes = |r: Result<Decision, Vec<FieldError>>| {
            r.unwrap_err()
                .into_iter()
                .map(|e| e.code)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes(Decision::parse("rejected", "re_enrolled", "x")),
            ["remedy_mismatch"]
        );
        assert_eq!(
            codes(Decision::parse("upheld", "no_change", "x")),
            ["remedy_mismatch"]
        );
        assert_eq!(
            codes(Decision::parse("maybe", "cash", " ")),
            ["validation", "validation", "required"]
        );
        let long = "a".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(
            codes(Decision::parse("rejected", "no_change", &long)),
            ["text_too_long"]
        );
    }
}
