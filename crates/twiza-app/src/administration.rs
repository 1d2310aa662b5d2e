//! Platform administration: what a platform admin (or the command line) does to accounts —
//! create one (without a usable password: its holder sets one through a link), disable or enable
//! it, give or take its platform role (an authority with its competence) — and the list, the
//! account and its recorded history they read. Every change is recorded by the store in the same
//! transaction.

use crate::error::{Error, Result};
use twiza_domain::account::{NewAccount, PlatformGrant};
use twiza_domain::{PlatformRole, UserId};
use twiza_store::{Account, AccountChange, AccountsPage, AccountsQuery, Store, User};

/// Who administers: a platform admin signed in, or the operator at the command line.
#[derive(Debug, Clone, Copy)]
pub enum Administrator<'a> {
    CommandLine,
    Admin(&'a User),
}

impl Administrator<'_> {
    /// The account recorded as the author of a change (`None`: the command line); refuses
    /// (`Forbidden`) an account that is not a platform admin.
    fn author(self) -> Result<Option<UserId>> {
        match self {
            Administrator::CommandLine => Ok(None),
            Administrator::Admin(user)
                if user.platform_role == Some(PlatformRole::PlatformAdmin) =>
            {
                Ok(Some(user.id))
            }
            Administrator::Admin(_) => Err(Error::Forbidden),
        }
    }

    /// The signed-in admin, for changes only an admin in person makes.
    fn admin(self) -> Result<UserId> {
        self.author()?.ok_or(Error::Forbidden)
    }
}

/// A page of the account list (see [`AccountsQuery`]).
pub async fn accounts(
    store: &Store,
    by: Administrator<'_>,
    query: &AccountsQuery,
) -> Result<AccountsPage> {
    by.author()?;
    Ok(store.accounts_page(query).await?)
}

/// One account with its recorded changes, newest first (at most `history` of them).
pub async fn account(
    store: &Store,
    by: Administrator<'_>,
    id: UserId,
    history: i64,
) -> Result<(Account, Vec<AccountChange>)> {
    by.author()?;
    let account = store.account(id).await?.ok_or(Error::NotFound)?;
    let changes = store.account_changes(id, history).await?;
    Ok((account, changes))
}

/// Creates an account with its platform role, if any. It has no usable password: its holder
/// sets one through the link the caller sends (`accounts::send_password_link`). Refused:
/// `email_taken`.
pub async fn create_account(
    store: &Store,
    by: Administrator<'_>,
    new: &NewAccount,
) -> Result<UserId> {
    let author = by.author()?;
    let id = store
        .create_account(
            new.email.as_str(),
            &new.display_name,
            new.grant.as_ref(),
            author,
        )
        .await?;
    Ok(id)
}

/// Disables an account: it cannot sign in, and its sessions and API tokens stop working at
/// once. Refused: `own_account`, `last_platform_admin`.
pub async fn disable_account(store: &Store, by: Administrator<'_>, id: UserId) -> Result<()> {
    Ok(store.disable_account(id, by.admin()?).await?)
}

/// Enables a disabled account again. Refused: `own_account`.
pub async fn enable_account(store: &Store, by: Administrator<'_>, id: UserId) -> Result<()> {
    Ok(store.enable_account(id, by.admin()?).await?)
}

/// Gives an account a platform role in place of the one it had (an authority with its
/// competence), or takes its role (`None`). Refused: `own_account`, `last_platform_admin`.
pub async fn change_platform_role(
    store: &Store,
    by: Administrator<'_>,
    id: UserId,
    grant: Option<&PlatformGrant>,
) -> Result<()> {
    Ok(store.change_platform_role(id, grant, by.author()?).await?)
}
