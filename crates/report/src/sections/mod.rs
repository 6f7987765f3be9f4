//! The section writers of [`crate::build`], one file each, and the tables and charts
//! they share.

pub(crate) mod channels;
pub(crate) mod common;
pub(crate) mod dynamics;
pub(crate) mod external;
pub(crate) mod internal;
pub(crate) mod methodology;
pub(crate) mod priorities;
pub(crate) mod registry;
pub(crate) mod stamp;
pub(crate) mod standards;
pub(crate) mod summary;
pub(crate) mod title;
