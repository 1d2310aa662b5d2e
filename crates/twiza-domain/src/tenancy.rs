//! Tenant scope: the proof, checked once by the authorization layer, that a caller may act inside
//! one association. Storage functions for an association's data take an `OrgScope`, and every
//! query they run filters on its organization id.

use crate::{OrgId, OrgRole, PlatformRole, Refusal};

/// Why the caller is allowed inside the association.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeGrant {
    Member(OrgRole),
    Platform(PlatformRole),
}

/// Access to one association's data. Built only through [`OrgScope::for_member`] or
/// [`OrgScope::for_platform`], from facts the storage layer returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgScope {
    org_id: OrgId,
    grant: ScopeGrant,
}

impl ScopeGrant {
    /// Whether this grant may change a member's role from `current` to `next` (`None`: remove
    /// the member). Owners and the platform admin may make any change; admins any change that
    /// does not touch the owner role; nobody else. (Keeping an owner is checked against the
    /// other members, by the store.)
    pub fn may_change_member(self, current: OrgRole, next: Option<OrgRole>) -> Result<(), Refusal> {
        let touches_owner = current == OrgRole::Owner || next == Some(OrgRole::Owner);
        match self {
            ScopeGrant::Member(OrgRole::Owner)
            | ScopeGrant::Platform(PlatformRole::PlatformAdmin) => Ok(()),
            ScopeGrant::Member(OrgRole::Admin) if touches_owner => Err(Refusal::OwnerOnly),
            ScopeGrant::Member(OrgRole::Admin) => Ok(()),
            _ => Err(Refusal::ManagersOnly),
        }
    }
}

impl OrgScope {
    pub fn for_member(org_id: OrgId, role: OrgRole) -> Self {
        Self {
            org_id,
            grant: ScopeGrant::Member(role),
        }
    }

    pub fn for_platform(org_id: OrgId, role: PlatformRole) -> Self {
        Self {
            org_id,
            grant: ScopeGrant::Platform(role),
        }
    }

    pub fn org_id(&self) -> OrgId {
        self.org_id
    }

    pub fn grant(&self) -> ScopeGrant {
        self.grant
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_owners_touch_the_owner_role_and_only_managers_change_roles() {
        use OrgRole::*;
        let owner = ScopeGrant::Member(Owner);
        let admin = ScopeGrant::Member(Admin);
        assert_eq!(owner.may_change_member(Owner, Some(Admin)), Ok(()));
        assert_eq!(owner.may_change_member(Treasurer, None), Ok(()));
        assert_eq!(
            admin.may_change_member(Treasurer, Some(Coordinator)),
            Ok(())
        );
        assert_eq!(admin.may_change_member(Volunteer, None), Ok(()));
        assert_eq!(
            admin.may_change_member(Treasurer, Some(Owner)),
            Err(Refusal::OwnerOnly)
        );
        assert_eq!(
            admin.may_change_member(Owner, None),
            Err(Refusal::OwnerOnly)
        );
        assert_eq!(
            ScopeGrant::Member(Treasurer).may_change_member(Volunteer, Some(FieldAgent)),
            Err(Refusal::ManagersOnly)
        );
        assert_eq!(
            ScopeGrant::Platform(PlatformRole::Auditor).may_change_member(Volunteer, None),
            Err(Refusal::ManagersOnly)
        );
        assert_eq!(
            ScopeGrant::Platform(PlatformRole::PlatformAdmin).may_change_member(Owner, None),
            Ok(())
        );
    }
}
