//! Roles: what a member can do inside an association, and the platform-wide roles.

use serde::{Deserialize, Serialize};

/// A member's role inside one association (the tenant).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgRole {
    Owner,
    Admin,
    Treasurer,
    Coordinator,
    FieldAgent,
    Volunteer,
}

impl OrgRole {
    pub const ALL: [OrgRole; 6] = [
        OrgRole::Owner,
        OrgRole::Admin,
        OrgRole::Treasurer,
        OrgRole::Coordinator,
        OrgRole::FieldAgent,
        OrgRole::Volunteer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgRole::Owner => "owner",
            OrgRole::Admin => "admin",
            OrgRole::Treasurer => "treasurer",
            OrgRole::Coordinator => "coordinator",
            OrgRole::FieldAgent => "field_agent",
            OrgRole::Volunteer => "volunteer",
        }
    }

    pub fn parse(s: &str) -> Option<OrgRole> {
        OrgRole::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Owners and admins manage the association's profile and its members.
    pub fn manages_members(self) -> bool {
        matches!(self, OrgRole::Owner | OrgRole::Admin)
    }
}

/// A role that spans all associations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlatformRole {
    /// Verifies associations and administers the platform.
    PlatformAdmin,
    /// A public authority (province, wali, ministry): reviews fundraising authorizations.
    Authority,
    /// Reads everything, changes nothing.
    Auditor,
}

impl PlatformRole {
    pub const ALL: [PlatformRole; 3] = [
        PlatformRole::PlatformAdmin,
        PlatformRole::Authority,
        PlatformRole::Auditor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PlatformRole::PlatformAdmin => "platform_admin",
            PlatformRole::Authority => "authority",
            PlatformRole::Auditor => "auditor",
        }
    }

    pub fn parse(s: &str) -> Option<PlatformRole> {
        PlatformRole::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip() {
        for r in OrgRole::ALL {
            assert_eq!(OrgRole::parse(r.as_str()), Some(r));
        }
        for r in PlatformRole::ALL {
            assert_eq!(PlatformRole::parse(r.as_str()), Some(r));
        }
        assert_eq!(OrgRole::parse("root"), None);
    }
}
