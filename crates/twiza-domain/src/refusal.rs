//! Refusals: the rules a well-formed request can still break (two-person approval, a need no
//! longer open, stock that is short…), each with its stable code and its class.
//!
//! The storage layer refuses with a [`Refusal`]; the web layer answers it in one place, with the
//! status of its [`RefusalClass`] and `{"error":{"code": refusal.code(), …}}`. Codes are stable
//! API: a refusal is never renamed, and every code has an `error-<code>` message in every
//! language (checked by a tidy test walking [`Refusal::ALL`]). A refusal names a rule, never
//! the value that broke it.

/// What kind of answer a refusal is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusalClass {
    /// The request conflicts with the current state of what it acts on (HTTP 409).
    Conflict,
    /// The request refers to something that does not exist or cannot be used (HTTP 422).
    Invalid,
    /// The caller may not do this, whatever the state (HTTP 403).
    Forbidden,
}

macro_rules! refusals {
    ($($(#[$doc:meta])* $variant:ident => $code:literal, $class:ident;)+) => {
        /// A rule a request broke. See the [module documentation](self).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Refusal { $($(#[$doc])* $variant),+ }

        impl Refusal {
            /// Every refusal.
            pub const ALL: &'static [Refusal] = &[$(Refusal::$variant),+];

            /// The stable code clients see.
            pub fn code(self) -> &'static str {
                match self { $(Refusal::$variant => $code),+ }
            }

            /// The kind of answer, hence the HTTP status.
            pub fn class(self) -> RefusalClass {
                match self { $(Refusal::$variant => RefusalClass::$class),+ }
            }
        }
    };
}

refusals! {
    // Accounts and associations.
    /// An account with this e-mail exists.
    EmailTaken => "email_taken", Conflict;
    /// A platform admin cannot disable their own account or change its platform role.
    OwnAccount => "own_account", Forbidden;
    /// The change would leave the platform without an active platform admin.
    LastPlatformAdmin => "last_platform_admin", Conflict;
    /// An association with this declaration receipt number exists.
    DeclarationNumberTaken => "declaration_number_taken", Conflict;
    /// The person is already a member of the association.
    AlreadyMember => "already_member", Conflict;
    /// An invitation of this e-mail to the association is still open.
    AlreadyInvited => "already_invited", Conflict;
    /// Only an owner (or the platform admin) grants, changes or removes the owner role.
    OwnerOnly => "owner_only", Forbidden;
    /// Only owners and admins change members' roles.
    ManagersOnly => "managers_only", Forbidden;
    /// The change would leave the association without an owner.
    LastOwner => "last_owner", Conflict;
    /// The status cannot move from its current value to the one asked (an association's
    /// verification, a need, a pledge, a convoy).
    InvalidStatusChange => "invalid_status_change", Conflict;

    // Campaigns.
    /// A drawn public campaign code is taken (the caller draws another; never answered).
    CampaignCodeTaken => "campaign_code_taken", Conflict;
    /// The campaign's authorization was already decided.
    AuthorizationDecided => "authorization_decided", Conflict;
    /// The campaign is outside the deciding authority's competence (Law 18-18: the governor
    /// decides local campaigns of their province, the wali regional ones of their region, the
    /// Secretary-General of the Government national ones, Foreign Affairs those abroad).
    OutsideCompetence => "outside_competence", Forbidden;
    /// A field agent with communes assigned records an assessment outside them.
    OutsideAgentCommunes => "outside_agent_communes", Forbidden;
    /// An association sends alerts only to communes it pledged to cover.
    AlertCommunesNotServed => "alert_communes_not_served", Forbidden;
    /// A fake appeal's warning names the code of an authorized campaign.
    AlertAppealAuthorized => "alert_appeal_authorized", Conflict;
    /// The campaign is not in the state the change starts from.
    InvalidCampaignState => "invalid_campaign_state", Conflict;

    // The books.
    /// The idempotency key was used for a different request.
    IdempotencyConflict => "idempotency_conflict", Conflict;
    /// A receipt is asked for a donation that is not confirmed.
    DonationNotConfirmed => "donation_not_confirmed", Conflict;
    /// An expense is approved by someone other than the person who submitted it.
    ExpenseSelfApproval => "expense_self_approval", Forbidden;
    /// The expense was already approved or rejected.
    ExpenseDecided => "expense_decided", Conflict;
    /// The transfer was already confirmed.
    TransferDecided => "transfer_decided", Conflict;
    /// The account would fall below zero.
    InsufficientFunds => "insufficient_funds", Conflict;
    /// A transfer's recipient is not another verified association.
    InvalidRecipient => "invalid_recipient", Invalid;

    // Crisis coordination.
    /// The commune is not among those the incident hit.
    CommuneNotInIncident => "commune_not_in_incident", Invalid;
    /// The douar is not one of the commune's.
    UnknownDouar => "unknown_douar", Invalid;
    /// The commune already has a douar of this name.
    DouarExists => "douar_exists", Conflict;
    /// No such need in the incident.
    UnknownNeed => "unknown_need", Invalid;
    /// The need belongs to another incident.
    NeedElsewhere => "need_elsewhere", Invalid;
    /// The need is no longer open (met, closed or merged).
    NeedNotOpen => "need_not_open", Conflict;
    /// The need named by a delivery is no longer open. The same code as [`Refusal::NeedNotOpen`],
    /// answered as invalid input since the delivery API began so.
    DeliveryNeedNotOpen => "need_not_open", Invalid;
    /// The need is not held for review.
    NeedNotHeld => "need_not_held", Conflict;
    /// A need cannot be merged into itself.
    MergeIntoItself => "merge_into_itself", Conflict;
    /// Needs of different incidents cannot be merged.
    MergeAcrossIncidents => "merge_across_incidents", Conflict;
    /// The need has as many associations assigned as it may.
    NeedAssignmentLimit => "need_assignment_limit", Conflict;
    /// No such association.
    UnknownOrganization => "unknown_organization", Invalid;
    /// The association is not verified.
    OrganizationNotVerified => "organization_not_verified", Conflict;

    // Logistics.
    /// No such item in the catalog.
    UnknownItem => "unknown_item", Invalid;
    /// No such warehouse of the association.
    UnknownWarehouse => "unknown_warehouse", Invalid;
    /// The association already has a warehouse of this name.
    WarehouseExists => "warehouse_exists", Conflict;
    /// No such campaign of the association.
    UnknownCampaign => "unknown_campaign", Invalid;
    /// No such household in the association's registry.
    UnknownHousehold => "unknown_household", Invalid;
    /// The warehouse holds less than asked.
    InsufficientStock => "insufficient_stock", Conflict;
    /// The delivery's proof was already given.
    ProofAlreadyUsed => "proof_already_used", Conflict;
    /// Too many wrong proof codes: the delivery is locked.
    ProofLocked => "proof_locked", Conflict;
    /// The proof is not of the method the delivery expects.
    ProofMethodMismatch => "proof_method_mismatch", Conflict;
    /// No such lot of the association (or not of the item asked).
    UnknownLot => "unknown_lot", Invalid;
    /// The donation is not a confirmed in-kind gift of this item to one of the association's
    /// campaigns.
    LotDonationInvalid => "lot_donation_invalid", Invalid;
    /// More would be received from the donation than it gave of the item.
    LotBeyondDonation => "lot_beyond_donation", Conflict;
    /// The expense is not an approved expense of the association.
    LotExpenseInvalid => "lot_expense_invalid", Invalid;
    /// Goods are moved to the warehouse they are in.
    SameWarehouse => "same_warehouse", Invalid;

    // Programmes and cash transfers.
    /// A programme with this code exists in the association.
    ProgrammeCodeTaken => "programme_code_taken", Conflict;
    /// The household has not consented to the programme.
    NoConsent => "no_consent", Conflict;
    /// The household is not enrolled in the programme.
    NotEnrolled => "not_enrolled", Conflict;
    /// The programme has no eligibility rules or no benefit model.
    ProgrammeWithoutRules => "programme_without_rules", Conflict;
    /// The cycle is already approved.
    CycleAlreadyApproved => "cycle_already_approved", Conflict;
    /// A cycle is approved by someone other than the person who computed it.
    TwoPersonRule => "two_person_rule", Conflict;
    /// Payments are prepared only for an approved cycle.
    CycleNotApproved => "cycle_not_approved", Conflict;
    /// The cycle already has a payment batch.
    PaymentBatchExists => "payment_batch_exists", Conflict;
    /// No household of the cycle has anything to be paid.
    PaymentBatchEmpty => "payment_batch_empty", Conflict;

    // Grievances and duplicate reviews.
    /// No such programme of the association.
    UnknownProgramme => "unknown_programme", Conflict;
    /// The grievance is not at the step this action takes.
    GrievanceWrongStep => "grievance_wrong_step", Conflict;
    /// The grievance is closed.
    GrievanceClosed => "grievance_closed", Conflict;
    /// The time to appeal the decision has passed.
    AppealWindowClosed => "appeal_window_closed", Conflict;
    /// An appeal is decided by someone other than the first decider.
    AppealSameDecider => "appeal_same_decider", Conflict;
    /// The pair of possible duplicates was already decided.
    PairAlreadyDecided => "pair_already_decided", Conflict;

    // Volunteering (Law 06-18).
    /// Only a host holding an accreditation in force for contractual volunteering issues a
    /// contract.
    HostNotAccredited => "host_not_accredited", Forbidden;
    /// A volunteer under 18 on the contract's start (Law 06-18).
    VolunteerUnder18 => "volunteer_under_18", Invalid;
    /// The account, or the person (the same identity number), already has a volunteer profile.
    VolunteerExists => "volunteer_exists", Conflict;
    /// The account has no volunteer profile yet.
    NotAVolunteer => "not_a_volunteer", Conflict;
    /// The mission is closed, or over.
    MissionClosed => "mission_closed", Conflict;
    /// The volunteer already holds a shift at that time.
    ShiftOverlap => "shift_overlap", Conflict;
    /// Every place of the shift is taken.
    ShiftFull => "shift_full", Conflict;
    /// The volunteer is not accepted on this shift.
    ShiftNotAccepted => "shift_not_accepted", Conflict;
    /// Check-in opens an hour before the shift and check-out closes at its end.
    ShiftNotOpen => "shift_not_open", Conflict;
    /// The check-in code is not this shift's.
    CheckinCodeInvalid => "checkin_code_invalid", Invalid;
    /// The volunteer already applied to this shift.
    AlreadyApplied => "already_applied", Conflict;
    /// The application is not at the step this action takes.
    ApplicationWrongStep => "application_wrong_step", Conflict;
    /// The application already has its contract.
    ContractExists => "contract_exists", Conflict;
    /// Informal volunteering has no contract.
    MissionInformal => "mission_informal", Conflict;
    /// The contract is not at the step this action takes (already accepted by this party, or
    /// ended).
    ContractWrongStep => "contract_wrong_step", Conflict;
    /// The contract is not yet accepted by both parties.
    ContractNotSigned => "contract_not_signed", Conflict;
    /// The volunteer has no hours worked with the association to certify.
    NoHoursToCertify => "no_hours_to_certify", Conflict;
    /// No certificate has this code.
    UnknownCertificate => "unknown_certificate", Invalid;
}

impl Refusal {
    /// The request field the refusal is about, when it names one.
    pub fn field(self) -> Option<&'static str> {
        match self {
            Refusal::InvalidRecipient => Some("to_organization_id"),
            Refusal::DeclarationNumberTaken => Some("declaration_number"),
            Refusal::OutsideAgentCommunes => Some("commune"),
            Refusal::UnknownLot => Some("lot_id"),
            Refusal::LotDonationInvalid => Some("donation_id"),
            Refusal::LotBeyondDonation => Some("quantity"),
            Refusal::LotExpenseInvalid => Some("expense_id"),
            Refusal::SameWarehouse => Some("to_warehouse_id"),
            _ => None,
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_snake_case_and_name_one_rule_each() {
        let mut seen = std::collections::BTreeMap::new();
        for &r in Refusal::ALL {
            let code = r.code();
            assert!(
                code.starts_with(|c: char| c.is_ascii_lowercase())
                    && code
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{code}"
            );
            if let Some(other) = seen.insert(code, r) {
                // The one code answered in two classes, kept as clients know it.
                assert_eq!(
                    (other, r),
                    (Refusal::NeedNotOpen, Refusal::DeliveryNeedNotOpen)
                );
            }
        }
        assert_eq!(Refusal::TwoPersonRule.code(), "two_person_rule");
        assert_eq!(Refusal::TwoPersonRule.class(), RefusalClass::Conflict);
        assert_eq!(
            Refusal::ExpenseSelfApproval.class(),
            RefusalClass::Forbidden
        );
        assert_eq!(
            Refusal::InvalidRecipient.field(),
            Some("to_organization_id")
        );
    }
}
