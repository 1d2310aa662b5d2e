//! Tenant scope: the proof, checked once by the authorization layer, that a caller may act inside
//! one association. Storage functions for an association's data take an `OrgScope`, and every
//! query they run filters on its organization id.

use crate::{OrgId, OrgRole, PlatformRole};

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
