//! Accounts: e-mail addresses and passwords as validated values, the platform roles a platform
//! admin gives (an authority always with its competence), and what is recorded of each change.

use crate::competence::Competence;
use crate::text::{parse_name, FieldError};
use crate::PlatformRole;
use std::fmt;

/// A syntactically plausible e-mail address, trimmed and lower-cased.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, FieldError> {
        let email = raw.trim().to_lowercase();
        let err = || FieldError::new("email", "invalid_email");
        if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(err());
        }
        let (local, domain) = email.rsplit_once('@').ok_or_else(err)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        if local.is_empty() || local.len() > 64 || local.contains('@') || !domain_ok {
            return Err(err());
        }
        Ok(Email(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Addresses are personal data: debug output hides them.
impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Email(<redacted>)")
    }
}

/// A new password: 12 to 1024 characters. Never printed.
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN_CHARS: usize = 12;

    pub fn parse(raw: &str) -> Result<NewPassword, FieldError> {
        let n = raw.chars().count();
        if n < Self::MIN_CHARS {
            return Err(FieldError::new("password", "password_too_short"));
        }
        if n > 1024 {
            return Err(FieldError {
                field: "password",
                code: "text_too_long",
                max: Some(1024),
            });
        }
        Ok(NewPassword(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(<redacted>)")
    }
}

/// A platform role as it is given to an account: an authority always with its competence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlatformGrant {
    PlatformAdmin,
    Auditor,
    Authority(Competence),
}

impl PlatformGrant {
    /// Parses a role (`platform_admin`, `authority`, `auditor`; empty or `none`: no role) and,
    /// for an authority, its competence kind and code (see [`Competence::parse`]). Errors name
    /// the field: `role`, `competence` or `competence_code`.
    pub fn parse(
        role: &str,
        competence: &str,
        code: &str,
    ) -> Result<Option<PlatformGrant>, FieldError> {
        let role = match role.trim() {
            "" | "none" => return Ok(None),
            raw => PlatformRole::parse(raw).ok_or(FieldError::new("role", "invalid_role"))?,
        };
        Ok(Some(match role {
            PlatformRole::PlatformAdmin => PlatformGrant::PlatformAdmin,
            PlatformRole::Auditor => PlatformGrant::Auditor,
            PlatformRole::Authority => {
                PlatformGrant::Authority(Competence::parse(competence, Some(code))?)
            }
        }))
    }

    pub fn role(&self) -> PlatformRole {
        match self {
            PlatformGrant::PlatformAdmin => PlatformRole::PlatformAdmin,
            PlatformGrant::Auditor => PlatformRole::Auditor,
            PlatformGrant::Authority(_) => PlatformRole::Authority,
        }
    }

    pub fn competence(&self) -> Option<&Competence> {
        match self {
            PlatformGrant::Authority(c) => Some(c),
            PlatformGrant::PlatformAdmin | PlatformGrant::Auditor => None,
        }
    }
}

/// An account created by a platform admin: it has no usable password until its holder sets one
/// through the link sent to the address.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub display_name: String,
    pub email: Email,
    pub grant: Option<PlatformGrant>,
}

impl NewAccount {
    /// Parses the creation form; every invalid field is named.
    pub fn parse(
        display_name: &str,
        email: &str,
        role: &str,
        competence: &str,
        code: &str,
    ) -> Result<NewAccount, Vec<FieldError>> {
        let display_name = parse_name("display_name", display_name, 100);
        let email = Email::parse(email);
        let grant = PlatformGrant::parse(role, competence, code);
        match (display_name, email, grant) {
            (Ok(display_name), Ok(email), Ok(grant)) => Ok(NewAccount {
                display_name,
                email,
                grant,
            }),
            (display_name, email, grant) => Err([display_name.err(), email.err(), grant.err()]
                .into_iter()
                .flatten()
                .collect()),
        }
    }
}

/// What was done to an account, as the record of its changes keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccountAction {
    Created,
    Disabled,
    Enabled,
    RoleGiven,
    RoleTaken,
}

impl AccountAction {
    pub const ALL: [AccountAction; 5] = [
        AccountAction::Created,
        AccountAction::Disabled,
        AccountAction::Enabled,
        AccountAction::RoleGiven,
        AccountAction::RoleTaken,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccountAction::Created => "created",
            AccountAction::Disabled => "disabled",
            AccountAction::Enabled => "enabled",
            AccountAction::RoleGiven => "role_given",
            AccountAction::RoleTaken => "role_taken",
        }
    }

    pub fn parse(raw: &str) -> Option<AccountAction> {
        AccountAction::ALL.into_iter().find(|a| a.as_str() == raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grants_need_a_known_role_and_an_authority_its_competence() {
        assert_eq!(PlatformGrant::parse("", "", ""), Ok(None));
        assert_eq!(PlatformGrant::parse("none", "province", "07.041"), Ok(None));
        assert_eq!(
            PlatformGrant::parse("auditor", "province", "07.041"),
            Ok(Some(PlatformGrant::Auditor))
        );
        let governor = PlatformGrant::parse("authority", "province", "07.041")
            .expect("valid")
            .expect("a grant");
        assert_eq!(governor.role(), PlatformRole::Authority);
        assert_eq!(
            governor.competence().and_then(Competence::code),
            Some("07.041")
        );
        assert_eq!(
            PlatformGrant::parse("authority", "national", ""),
            Ok(Some(PlatformGrant::Authority(Competence::National)))
        );
        let field = |r: &str, k: &str, c: &str| PlatformGrant::parse(r, k, c).unwrap_err().field;
        assert_eq!(field("emperor", "", ""), "role");
        assert_eq!(field("authority", "", ""), "competence");
        assert_eq!(field("authority", "province", "99.999"), "competence_code");
        assert_eq!(field("authority", "region", ""), "competence_code");
    }

    #[test]
    fn a_new_account_names_every_invalid_field() {
        let ok = NewAccount::parse(" Amina ", "Amina@Example.MA", "", "", "").expect("valid");
        assert_eq!(ok.display_name, "Amina");
        assert_eq!(ok.email.as_str(), "amina@example.ma");
        assert!(ok.grant.is_none());
        let errors = NewAccount::parse("", "nope", "authority", "province", "").unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["display_name", "email", "competence_code"]);
        for a in AccountAction::ALL {
            assert_eq!(AccountAction::parse(a.as_str()), Some(a));
        }
    }

    #[test]
    fn emails() {
        assert_eq!(
            Email::parse(" Amina@Example.MA ").unwrap().as_str(),
            "amina@example.ma"
        );
        for bad in [
            "",
            "a",
            "a@b",
            "@x.ma",
            "a@.ma",
            "a@x..ma",
            "a b@x.ma",
            "a@x.ma'--",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            format!("{:?}", Email::parse("a@x.ma").unwrap()),
            "Email(<redacted>)"
        );
    }

    #[test]
    fn passwords() {
        assert!(NewPassword::parse("short").is_err());
        assert!(NewPassword::parse("twelve chars").is_ok());
    }
}
