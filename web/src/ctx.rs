//! The app's context, handed to every screen: the state and its dispatcher.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::services::{self, SETTINGS};
use crate::state::{Action, Draft, Session, State};

pub type Dispatch = UseReducerDispatcher<State>;

/// The app's state and its dispatcher, for every screen.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub state: Rc<State>,
    pub dispatch: Dispatch,
}

impl Ctx {
    pub fn lang(&self) -> Lang {
        self.state.lang
    }

    /// The language of the survey's texts (a code).
    pub fn text_lang(&self) -> String {
        self.state.text_lang().to_owned()
    }

    /// Starts a session: saved to the device first, then shown.
    pub fn start(&self, session: Session) {
        let d = self.dispatch.clone();
        spawn_local(async move {
            match services::put(SETTINGS, "session", &session.to_json()).await {
                Ok(()) => d.dispatch(Action::Start(
                    session,
                    Draft::new(services::new_response_id()),
                )),
                Err(e) => d.dispatch(Action::SaveFailed(e)),
            }
        });
    }
}
