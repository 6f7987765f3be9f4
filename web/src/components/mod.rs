//! Pieces shared by several screens.

pub mod bilingual;
pub mod question;
