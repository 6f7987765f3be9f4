//! The Otklik analytics as a WebAssembly module for JavaScript and TypeScript: the
//! npm package `otklik-analytics` (`packages/otklik-analytics`), which the browser
//! app uses too.
//!
//! [`api`] holds the calls in plain Rust, tested natively; on `wasm32` this file
//! exports them with wasm-bindgen, taking and giving plain JavaScript values through
//! serde-wasm-bindgen. Errors are thrown as objects that the package's `index.js`
//! turns into `OtklikError`s.

#![forbid(unsafe_code)]

pub mod api;
pub mod reader;

#[cfg(all(target_arch = "wasm32", feature = "bindings"))]
mod js {
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    use crate::api::{self, OtklikError};

    /// An error as the package's `index.js` recognises it (`otklik: true`).
    fn thrown(e: OtklikError) -> JsValue {
        #[derive(Serialize)]
        struct Thrown {
            otklik: bool,
            #[serde(flatten)]
            error: OtklikError,
        }
        to_js(&Thrown {
            otklik: true,
            error: e,
        })
    }

    fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .expect("results are plain data")
    }

    /// Options: a plain object whose every field is known (a misspelt option is an
    /// error, not a default), or nothing for the defaults. They are read as JSON
    /// first, since serde-wasm-bindgen reads only the fields a type names.
    fn read_options<T: DeserializeOwned + Default>(value: JsValue) -> Result<T, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(T::default());
        }
        required_options(value)
    }

    fn required_options<T: DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
        let json: serde_json::Value = required(value)?;
        serde_json::from_value(json).map_err(|e| thrown(OtklikError::options(e)))
    }

    fn required<T: DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
        serde_wasm_bindgen::from_value(value).map_err(|e| thrown(OtklikError::options(e)))
    }

    /// A survey's responses read from files (see `readResponses`).
    #[wasm_bindgen(js_name = ResponseSet)]
    pub struct ResponseSet(api::Data);

    #[wasm_bindgen(js_class = ResponseSet)]
    impl ResponseSet {
        /// How many responses were read (after merging by id).
        #[wasm_bindgen(getter)]
        pub fn count(&self) -> usize {
            self.0.responses.len()
        }

        /// The id of the survey they were read for.
        #[wasm_bindgen(getter, js_name = surveyId)]
        pub fn survey_id(&self) -> String {
            self.0.survey.id.clone()
        }
    }

    /// Response files read chunk by chunk (see `readResponsesFrom` in index.js).
    #[wasm_bindgen(js_name = ResponseReader)]
    pub struct Reader(Option<crate::reader::ResponseReader>);

    #[wasm_bindgen(js_class = ResponseReader)]
    impl Reader {
        #[wasm_bindgen(constructor)]
        pub fn new(survey: &str) -> Result<Reader, JsValue> {
            crate::reader::ResponseReader::new(survey)
                .map(|r| Reader(Some(r)))
                .map_err(thrown)
        }

        pub fn begin(&mut self, name: &str) {
            if let Some(r) = &mut self.0 {
                r.begin(name);
            }
        }

        pub fn push(&mut self, chunk: &[u8]) {
            if let Some(r) = &mut self.0 {
                r.push(chunk);
            }
        }

        /// `false`: the file must be given again whole (`whole`).
        pub fn end(&mut self) -> bool {
            self.0.as_mut().is_none_or(|r| r.end())
        }

        pub fn whole(&mut self, name: &str, bytes: &[u8]) {
            if let Some(r) = &mut self.0 {
                r.whole(name, bytes);
            }
        }

        pub fn finish(&mut self) -> Result<ResponseSet, JsValue> {
            let reader = self
                .0
                .take()
                .ok_or_else(|| JsValue::from_str("finished already"))?;
            reader.finish().map(ResponseSet).map_err(thrown)
        }
    }

    #[wasm_bindgen(js_name = validateSurvey)]
    pub fn validate_survey(survey: &str) -> JsValue {
        to_js(&api::validate_survey(survey))
    }

    #[wasm_bindgen(js_name = readResponses)]
    pub fn read_responses(survey: &str, files: JsValue) -> Result<ResponseSet, JsValue> {
        let files: Vec<api::NamedFile> = required(files)?;
        api::read_responses(survey, &files)
            .map(ResponseSet)
            .map_err(thrown)
    }

    #[wasm_bindgen]
    pub fn analyze(survey: &str, data: &ResponseSet, options: JsValue) -> Result<JsValue, JsValue> {
        let options: api::AnalyzeOptions = read_options(options)?;
        api::analyze(survey, &data.0, &options)
            .map(|a| to_js(&a))
            .map_err(thrown)
    }

    #[wasm_bindgen(js_name = analyzeMany)]
    pub fn analyze_many(
        survey: &str,
        data: &ResponseSet,
        groupings: JsValue,
    ) -> Result<JsValue, JsValue> {
        let groupings: Vec<Vec<String>> = required(groupings)?;
        api::analyze_many(survey, &data.0, &groupings)
            .map(|a| to_js(&a))
            .map_err(thrown)
    }

    #[wasm_bindgen]
    pub fn merge(survey: &str, data: &ResponseSet, options: JsValue) -> Result<Vec<u8>, JsValue> {
        let options: api::MergeOptions = required_options(options)?;
        api::merge(survey, &data.0, &options).map_err(thrown)
    }

    #[wasm_bindgen]
    pub fn report(inputs: JsValue, options: JsValue) -> Result<Vec<u8>, JsValue> {
        let inputs: Vec<api::ReportInput> = required(inputs)?;
        // The images are bytes, which JSON cannot hold: read apart from the rest.
        let rest = js_sys::Object::assign(&js_sys::Object::new(), &options.clone().into());
        let images = js_sys::Reflect::get(&rest, &"images".into())?;
        js_sys::Reflect::delete_property(&rest, &"images".into())?;
        let mut options: api::ReportOptions = required_options(rest.into())?;
        if !images.is_undefined() && !images.is_null() {
            options.images = Some(required(images)?);
        }
        api::report(&inputs, &options).map_err(thrown)
    }

    #[wasm_bindgen]
    pub fn demo(options: JsValue) -> Result<JsValue, JsValue> {
        let options: api::DemoOptions = read_options(options)?;
        Ok(to_js(&api::demo(&options)))
    }
}

#[cfg(test)]
mod tests;
