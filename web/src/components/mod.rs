//! Pieces shared by several screens.

#[cfg(feature = "manager")]
pub mod bilingual;
pub mod lang_choice;
pub mod question;
