//! Integration tests of the web layer, through the router in-process (`TestApp`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod admin_pages;
mod api;
mod authorities;
mod authz;
mod bad_input;
mod board;
mod cmi;
mod crisis;
mod declaration;
mod donation_pages;
mod donations;
mod field_pages;
mod gifts;
mod grievance_pages;
mod grievances;
mod hardening;
mod harness;
mod ledger;
mod ledger_pages;
mod log_site;
mod logistics_pages;
mod logs;
mod mail;
mod map;
mod members;
mod openapi;
mod pages;
mod programme_pages;
mod programmes;
mod registry;
mod registry_pages;
mod streams;
mod tidy;
mod treasury;
