//! The survey editor: organisers build a survey with forms, not JSON. The definition
//! being edited is a JSON value; every edit makes a new value (undo and redo keep the
//! last 100), is saved on the device at once, and is checked by the foundation's
//! validator, whose problems appear next to their fields. A survey with problems can
//! be neither exported nor started.

use std::rc::Rc;

use otklik_survey::advice::{anonymity_warnings, Warning, WarningKind};
use otklik_survey::runner::{self, Answers};
use otklik_survey::{surveyjs, Audience, Message, Survey};
use serde_json::{json, Map, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::components::question::QuestionView;
use crate::ctx::Ctx;
use crate::i18n::{t, ta, Both, Lang};
use crate::services::embed::{Embedded, Mode};
use crate::services::{self, SETTINGS};
use crate::state::Action;

mod model;
mod problems;

use model::*;
use problems::*;

/// Field setters: apply a field's new value to the definition.
type SetStr = Rc<dyn Fn(&mut Value, String)>;
type SetVal = Rc<dyn Fn(&mut Value, Value)>;
type SetBool = Rc<dyn Fn(&mut Value, bool)>;

const TYPES: [&str; 7] = ["scale", "nps", "choice", "multi", "yesno", "number", "text"];
const ROLES: [&str; 5] = ["effort", "resolution", "touchpoint", "need", "segment"];

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub ctx: Ctx,
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang();
    let ed = use_reducer(Ed::default);
    let loaded = use_state(|| false);
    let import_notes = use_state(Vec::<Both>::new);
    let note = use_state(|| None::<String>);
    let wide = use_state(|| true);
    let preview_answers = use_state(Answers::new);
    // The last version of the survey without problems, for the preview.
    let last_valid = use_mut_ref(|| None::<Rc<Survey>>);
    // The type of the next question: read when «Add» is pressed, not when the page was
    // drawn (a keyboard user may choose a type and press «Add» before it redraws). The
    // select shows the choice itself; nothing else needs a redraw for it.
    let add_kind = use_mut_ref(|| "scale".to_owned());
    // The validator runs once per edit, not on every render (preview answers, width).
    let checked = use_memo(ed.doc.clone(), |doc| doc.as_ref().map(validate));

    // The draft on the device, once.
    {
        let (ed, loaded) = (ed.dispatcher(), loaded.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                if let Some(saved) = services::get(SETTINGS, DRAFT_KEY)
                    .await
                    .ok()
                    .flatten()
                    .and_then(|s| serde_json::from_str::<Value>(&s).ok())
                {
                    if saved["doc"].is_object() {
                        ed.dispatch(EdAction::Restore {
                            doc: saved["doc"].clone(),
                            origin: saved["origin"].is_object().then(|| saved["origin"].clone()),
                        });
                    }
                }
                loaded.set(true);
            });
        });
    }
    // Every edit is saved as it is made.
    {
        let state = (ed.doc.clone(), ed.origin.clone());
        use_effect_with(state, move |(doc, origin)| {
            let value = json!({"doc": doc, "origin": origin}).to_string();
            let clear = doc.is_none();
            spawn_local(async move {
                if clear {
                    services::delete(SETTINGS, DRAFT_KEY).await.ok();
                } else {
                    services::put(SETTINGS, DRAFT_KEY, &value).await.ok();
                }
            });
        });
    }
    // Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) anywhere in the editor but in a text field.
    let on_key = {
        let ed = ed.dispatcher();
        Callback::from(move |e: KeyboardEvent| {
            if !(e.ctrl_key() || e.meta_key()) {
                return;
            }
            let in_field = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA"));
            if in_field {
                return;
            }
            match (e.key().to_lowercase().as_str(), e.shift_key()) {
                ("z", false) => {
                    e.prevent_default();
                    ed.dispatch(EdAction::Undo)
                }
                ("y", _) | ("z", true) => {
                    e.prevent_default();
                    ed.dispatch(EdAction::Redo)
                }
                _ => {}
            }
        })
    };

    if !*loaded {
        return html! { <p class="loading" role="status">{ "…" }</p> };
    }

    let Some(doc) = ed.doc.clone() else {
        // Where to start.
        let load = |src: &'static str| {
            let ed = ed.dispatcher();
            Callback::from(move |_| {
                ed.dispatch(EdAction::Load {
                    doc: serde_json::from_str(src).expect("template"),
                    published: true,
                })
            })
        };
        let on_blank = {
            let ed = ed.dispatcher();
            Callback::from(move |_| {
                ed.dispatch(EdAction::Load {
                    doc: blank(),
                    published: false,
                })
            })
        };
        let on_file = {
            let (ed, import_notes) = (ed.dispatcher(), import_notes.clone());
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let Some(file) = input.files().and_then(|f| f.get(0)) else {
                    return;
                };
                let (ed, import_notes) = (ed.clone(), import_notes.clone());
                spawn_local(async move {
                    let (name, text) = services::read_file(&file).await;
                    match serde_json::from_str::<Value>(&text) {
                        Err(e) => import_notes.set(vec![Both::One(format!("{name}: {e}"))]),
                        Ok(v) if surveyjs::looks_like_surveyjs(&v) => {
                            match surveyjs::import(&text, Audience::External) {
                                Ok(imp) => {
                                    import_notes.set(
                                        imp.skipped
                                            .iter()
                                            .map(|s| Both::of(|l| s.render(l)))
                                            .collect(),
                                    );
                                    ed.dispatch(EdAction::Load {
                                        doc: serde_json::from_str(&imp.json).expect("json"),
                                        published: false,
                                    });
                                }
                                Err(e) => import_notes
                                    .set(vec![Both::of(|l| format!("{name}: {}", e.render(l)))]),
                            }
                        }
                        Ok(v) => {
                            import_notes.set(Vec::new());
                            ed.dispatch(EdAction::Load {
                                doc: v,
                                published: true,
                            })
                        }
                    }
                });
            })
        };
        return html! {
            <section class="card editor-start" aria-labelledby="ed-title">
                <h1 id="ed-title">{ t(lang, "ed-title") }</h1>
                <p class="lead">{ t(lang, "ed-start-lead") }</p>
                <div class="actions start-actions">
                    <button type="button" id="ed-blank" class="primary" onclick={on_blank}>{ t(lang, "ed-start-blank") }</button>
                    <button type="button" id="ed-internal" onclick={load(otklik_demo::INTERNAL_TEMPLATE)}>{ t(lang, "ed-start-internal") }</button>
                    <button type="button" id="ed-external" onclick={load(otklik_demo::EXTERNAL_TEMPLATE)}>{ t(lang, "ed-start-external") }</button>
                </div>
                <div class="field">
                    <label for="ed-file" class="file-label">{ t(lang, "ed-start-file") }</label>
                    <input type="file" id="ed-file" accept=".json,application/json" onchange={on_file} />
                </div>
                if !import_notes.is_empty() {
                    <div class="note" role="status"><ul>{ for import_notes.iter().map(|n| html! { <li>{ n.get(lang) }</li> }) }</ul></div>
                }
            </section>
        };
    };

    let (problems, survey) = (*checked).clone().unwrap_or_else(|| validate(&doc));
    let warnings = survey.as_ref().map(anonymity_warnings).unwrap_or_default();
    let edit = {
        let ed = ed.dispatcher();
        let doc = doc.clone();
        move |f: Box<dyn Fn(&mut Value)>| {
            let mut d = doc.clone();
            f(&mut d);
            ed.dispatch(EdAction::Edit(d));
        }
    };
    // A callback that applies `f(doc, value)` when a field changes.
    let on_change = |f: SetStr| {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            let v = field_value(&e);
            let f = f.clone();
            edit(Box::new(move |d| f(d, v.clone())));
        })
    };
    let errors_for = |field: &str| -> Vec<String> {
        problems
            .iter()
            .filter(|(p, _)| under(p, field))
            .map(|(p, m)| {
                let rest = p.strip_prefix(field).unwrap_or("");
                if rest.is_empty() || rest == ".ru" {
                    natural(lang, p, m)
                } else {
                    format!("{}: {}", rest.trim_start_matches('.'), natural(lang, p, m))
                }
            })
            .collect()
    };
    let field_errors = |id: &str, field: &str| -> Html {
        let errs = errors_for(field);
        if errs.is_empty() {
            return html! {};
        }
        html! { <ul class="field-errors error" id={format!("{id}-error")}>{ for errs.into_iter().map(|e| html! { <li>{ e }</li> }) }</ul> }
    };
    let invalid = |field: &str| (!errors_for(field).is_empty()).then_some("true");
    let described = |id: &str, field: &str| {
        (!errors_for(field).is_empty()).then(|| AttrValue::from(format!("{id}-error")))
    };

    // A plain input bound to a JSON path.
    let input = |id: String,
                 label: String,
                 field: &str,
                 value: String,
                 kind: &'static str,
                 f: SetStr|
     -> Html {
        html! {
            <div class="field">
                <label for={id.clone()}>{ label }</label>
                <input type={kind} id={id.clone()} value={value} onchange={on_change(f)}
                    aria-invalid={invalid(field)} aria-describedby={described(&id, field)} />
                { field_errors(&id, field) }
            </div>
        }
    };
    // A bilingual text bound to a JSON path (`ru` required, `en` optional); a long
    // text (`rows` > 1) gets a multi-line field.
    let text_area = |id: String,
                     label: String,
                     field: String,
                     value: &Value,
                     set: SetVal,
                     rows: u32|
     -> Html {
        let (ru, en) = text_pair(value);
        let (ru2, en2) = (ru.clone(), en.clone());
        let set2 = set.clone();
        let one = |id: String,
                   lang_code: &'static str,
                   value: String,
                   onchange: Callback<Event>,
                   err: bool| {
            let (inv, desc) = if err {
                (invalid(&field), described(&id, &field))
            } else {
                (None, None)
            };
            if rows > 1 {
                html! { <textarea id={id} lang={lang_code} rows={rows.to_string()} value={value} {onchange}
                aria-invalid={inv} aria-describedby={desc} /> }
            } else {
                html! { <input type="text" id={id} lang={lang_code} value={value} {onchange}
                aria-invalid={inv} aria-describedby={desc} /> }
            }
        };
        html! {
            <fieldset class="text-pair">
                <legend>{ label }</legend>
                <div class="field">
                    <label for={format!("{id}-ru")}>{ t(lang, "ed-in-russian") }</label>
                    { one(format!("{id}-ru"), "ru", ru, on_change(Rc::new(move |d: &mut Value, v: String| set(d, text_value(&v, &en2)))), true) }
                    { field_errors(&format!("{id}-ru"), &field) }
                </div>
                <div class="field">
                    <label for={format!("{id}-en")}>{ t(lang, "ed-in-english") }</label>
                    { one(format!("{id}-en"), "en", en, on_change(Rc::new(move |d: &mut Value, v: String| set2(d, text_value(&ru2, &v)))), false) }
                </div>
            </fieldset>
        }
    };
    let text_inputs = |id: String, label: String, field: String, value: &Value, set: SetVal| {
        text_area(id, label, field, value, set, 1)
    };

    let questions: Vec<Value> = doc["questions"].as_array().cloned().unwrap_or_default();
    let dimensions: Vec<Value> = doc["dimensions"].as_array().cloned().unwrap_or_default();
    let n_questions = questions.len();

    // ----- the survey's own fields
    let general = html! {
        <section class="card ed-general" aria-labelledby="ed-general-title">
            <h2 id="ed-general-title">{ t(lang, "ed-general") }</h2>
            { input("ed-id".into(), t(lang, "ed-survey-id"), "id", doc["id"].as_str().unwrap_or("").to_owned(), "text",
                Rc::new(|d, v| d["id"] = json!(v.trim()))) }
            <div class="field">
                <label for="ed-audience">{ t(lang, "ed-audience") }</label>
                <select id="ed-audience" onchange={on_change(Rc::new(|d, v| d["audience"] = json!(v)))}>
                    <option value="internal" selected={doc["audience"] == "internal"}>{ t(lang, "ed-audience-internal") }</option>
                    <option value="external" selected={doc["audience"] == "external"}>{ t(lang, "ed-audience-external") }</option>
                </select>
            </div>
            { text_inputs("ed-title-text".into(), t(lang, "ed-survey-title"), "title".into(), &doc["title"], Rc::new(|d, v| d["title"] = v)) }
            { text_area("ed-intro".into(), t(lang, "ed-intro"), "intro".into(), doc.get("intro").unwrap_or(&Value::Null),
                Rc::new(|d, v| if v["ru"] == "" { d.as_object_mut().map(|m| m.remove("intro")); } else { d["intro"] = v }), 6) }
            { input("ed-min-group".into(), t(lang, "ed-min-group"), "min_group", doc["min_group"].as_u64().unwrap_or(5).to_string(), "number",
                Rc::new(|d, v| d["min_group"] = v.trim().parse::<u64>().map_or(json!(v), |n| json!(n)))) }
            { input("ed-min-group-text".into(), t(lang, "ed-min-group-text"), "min_group_text", doc["min_group_text"].as_u64().unwrap_or(10).to_string(), "number",
                Rc::new(|d, v| d["min_group_text"] = v.trim().parse::<u64>().map_or(json!(v), |n| json!(n)))) }
            <p class="hint">{ t(lang, "ed-min-group-hint") }</p>
        </section>
    };

    // ----- dimensions
    let dims = html! {
        <section class="card ed-dimensions" aria-labelledby="ed-dims-title">
            <h2 id="ed-dims-title">{ t(lang, "ed-dimensions") }</h2>
            <p class="hint">{ t(lang, "ed-dimensions-hint") }</p>
            { for dimensions.iter().enumerate().map(|(i, dim)| {
                let remove = {
                    let edit = edit.clone();
                    Callback::from(move |_| edit(Box::new(move |d| { d["dimensions"].as_array_mut().map(|a| a.remove(i)); })))
                };
                html! {
                    <div class="ed-dimension" id={format!("ed-dim-{i}")}>
                        { input(format!("ed-dim-{i}-id"), t(lang, "ed-dimension-id"), &format!("dimensions[{i}].id"), dim["id"].as_str().unwrap_or("").to_owned(), "text",
                            Rc::new(move |d, v| d["dimensions"][i]["id"] = json!(v.trim()))) }
                        { text_inputs(format!("ed-dim-{i}-title"), t(lang, "ed-dimension-title"), format!("dimensions[{i}].title"), &dim["title"],
                            Rc::new(move |d, v| d["dimensions"][i]["title"] = v)) }
                        { input(format!("ed-dim-{i}-weight"), t(lang, "ed-dimension-weight"), &format!("dimensions[{i}].weight"), dim.get("weight").map_or("1".to_owned(), |w| w.to_string()), "number",
                            Rc::new(move |d, v| d["dimensions"][i]["weight"] = v.trim().parse::<f64>().map_or(json!(v), |n| json!(n)))) }
                        <button type="button" class="small" onclick={remove}
                            aria-label={ta(lang, "ed-dimension-remove", &[("n", (i + 1).into())])}>{ t(lang, "ed-remove") }</button>
                    </div>
                }
            }) }
            <button type="button" id="ed-add-dimension" onclick={{
                let edit = edit.clone();
                Callback::from(move |_| edit(Box::new(|d| {
                    let n = d["dimensions"].as_array().map_or(0, Vec::len) + 1;
                    if !d["dimensions"].is_array() { d["dimensions"] = json!([]); }
                    d["dimensions"].as_array_mut().expect("array").push(json!({"id": format!("dim{n}"), "title": {"ru": ""}, "weight": 1}));
                })))
            }}>{ t(lang, "ed-add-dimension") }</button>
        </section>
    };

    // ----- questions
    let question_card = |i: usize, q: &Value| -> Html {
        let base = format!("questions[{i}]");
        let kind = q["type"].as_str().unwrap_or("").to_owned();
        let qid = q["id"].as_str().unwrap_or("").to_owned();
        let mv = |delta: isize| {
            let edit = edit.clone();
            let eds = ed.dispatcher();
            Callback::from(move |_| {
                let j = i as isize + delta;
                if j >= 0 && (j as usize) < n_questions {
                    edit(Box::new(move |d| {
                        if let Some(a) = d["questions"].as_array_mut() {
                            a.swap(i, j as usize);
                        }
                    }));
                    eds.dispatch(EdAction::SwapOpen(i, j as usize));
                }
            })
        };
        let focus_after = |target: String| {
            Callback::from(move |_: MouseEvent| {
                let target = target.clone();
                gloo::timers::callback::Timeout::new(0, move || services::focus(&target)).forget();
            })
        };
        let on_up = mv(-1).reform(|e: MouseEvent| e);
        let on_up = {
            let f = focus_after(format!("ed-q-{}-up", i.saturating_sub(1)));
            Callback::from(move |e: MouseEvent| {
                on_up.emit(e.clone());
                f.emit(e);
            })
        };
        let on_down = mv(1).reform(|e: MouseEvent| e);
        let on_down = {
            let f = focus_after(format!("ed-q-{}-down", i + 1));
            Callback::from(move |e: MouseEvent| {
                on_down.emit(e.clone());
                f.emit(e);
            })
        };
        let on_dup = {
            let edit = edit.clone();
            let eds = ed.dispatcher();
            Callback::from(move |_| {
                eds.dispatch(EdAction::ShiftOpen {
                    at: i + 1,
                    inserted: true,
                });
                edit(Box::new(move |d| {
                    if let Some(a) = d["questions"].as_array_mut() {
                        let mut copy = a[i].clone();
                        let id = copy["id"].as_str().unwrap_or("q").to_owned();
                        let taken = |c: &str| a.iter().any(|q| q["id"] == c);
                        let new_id = (2..)
                            .map(|n| format!("{id}-{n}"))
                            .find(|c| !taken(c))
                            .expect("some id");
                        copy["id"] = json!(new_id);
                        a.insert(i + 1, copy);
                    }
                }))
            })
        };
        let on_remove = {
            let edit = edit.clone();
            let eds = ed.dispatcher();
            Callback::from(move |_| {
                eds.dispatch(EdAction::ShiftOpen {
                    at: i,
                    inserted: false,
                });
                edit(Box::new(move |d| {
                    d["questions"].as_array_mut().map(|a| a.remove(i));
                }))
            })
        };
        let p = |s: &str| format!("ed-q-{i}-{s}");
        let set_q = move |key: &'static str| -> SetStr {
            Rc::new(move |d: &mut Value, v: String| d["questions"][i][key] = json!(v.trim()))
        };
        let num_q = move |key: &'static str| -> SetStr {
            Rc::new(move |d: &mut Value, v: String| {
                let v = v.trim();
                if v.is_empty() {
                    d["questions"][i].as_object_mut().map(|m| m.remove(key));
                } else {
                    d["questions"][i][key] = v.parse::<f64>().map_or(json!(v), |n| {
                        if n.fract() == 0.0 && n.abs() < 1e15 {
                            json!(n as i64)
                        } else {
                            json!(n)
                        }
                    });
                }
            })
        };
        let checkbox = |id: String, label: String, checked: bool, f: SetBool| {
            let edit = edit.clone();
            html! {
                <div class="field check-field">
                    <label class="check" for={id.clone()}>
                        <input type="checkbox" id={id} {checked} onchange={Callback::from(move |e: Event| {
                            let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                            let f = f.clone();
                            edit(Box::new(move |d| f(d, on)));
                        })} />
                        { label }
                    </label>
                </div>
            }
        };
        let earlier: Vec<(String, String)> = questions[..i]
            .iter()
            .filter(|e| {
                matches!(
                    e["type"].as_str(),
                    Some("choice" | "multi" | "yesno" | "scale" | "nps")
                )
            })
            .map(|e| {
                (
                    e["id"].as_str().unwrap_or("").to_owned(),
                    text_pair(&e["text"]).0,
                )
            })
            .collect();
        let labels = |key: &'static str| {
            let (field, value) = (format!("{base}.labels.{key}"), q["labels"][key].clone());
            text_inputs(
                p(&format!("label-{key}")),
                t(lang, &format!("ed-label-{key}")),
                field,
                &value,
                Rc::new(move |d, v| {
                    if v["ru"] == "" {
                        if let Some(m) = d["questions"][i]["labels"].as_object_mut() {
                            m.remove(key);
                        }
                    } else {
                        if !d["questions"][i]["labels"].is_object() {
                            d["questions"][i]["labels"] = json!({});
                        }
                        d["questions"][i]["labels"][key] = v;
                    }
                    if d["questions"][i]["labels"]
                        .as_object()
                        .is_some_and(|m| m.is_empty())
                    {
                        d["questions"][i]
                            .as_object_mut()
                            .map(|m| m.remove("labels"));
                    }
                }),
            )
        };
        let group = q["group"] == true;
        let touchpoint = q["role"] == "touchpoint";
        let options: Vec<Value> = q["options"].as_array().cloned().unwrap_or_default();
        let options_editor = html! {
            <fieldset class="ed-options">
                <legend>{ t(lang, "ed-options") }</legend>
                if !errors_for(&format!("{base}.options")).is_empty() && options.is_empty() {
                    { field_errors(&p("options"), &format!("{base}.options")) }
                }
                <ol>
                { for options.iter().enumerate().map(|(j, o)| {
                    let ob = format!("{base}.options[{j}]");
                    let op = |s: &str| format!("ed-q-{i}-o-{j}-{s}");
                    let remove = {
                        let edit = edit.clone();
                        Callback::from(move |_| edit(Box::new(move |d| { d["questions"][i]["options"].as_array_mut().map(|a| a.remove(j)); })))
                    };
                    html! {
                        <li class="ed-option">
                            { input(op("id"), t(lang, "ed-option-id"), &format!("{ob}.id"), o["id"].as_str().unwrap_or("").to_owned(), "text",
                                Rc::new(move |d, v| d["questions"][i]["options"][j]["id"] = json!(v.trim()))) }
                            { text_inputs(op("label"), t(lang, "ed-option-label"), format!("{ob}.label"), &o["label"],
                                Rc::new(move |d, v| d["questions"][i]["options"][j]["label"] = v)) }
                            if group {
                                { input(op("headcount"), t(lang, "ed-option-headcount"), &format!("{ob}.headcount"),
                                    o.get("headcount").map(|h| h.to_string()).unwrap_or_default(), "number",
                                    Rc::new(move |d, v| {
                                        let v = v.trim();
                                        if v.is_empty() { d["questions"][i]["options"][j].as_object_mut().map(|m| m.remove("headcount")); }
                                        else { d["questions"][i]["options"][j]["headcount"] = v.parse::<u64>().map_or(json!(v), |n| json!(n)); }
                                    })) }
                            }
                            if touchpoint {
                                <div class="field">
                                    <label for={op("channel")}>{ t(lang, "ed-option-channel") }</label>
                                    <select id={op("channel")} onchange={on_change(Rc::new(move |d, v| {
                                        if v.is_empty() { d["questions"][i]["options"][j].as_object_mut().map(|m| m.remove("channel")); }
                                        else { d["questions"][i]["options"][j]["channel"] = json!(v); }
                                    }))}>
                                        <option value="" selected={o.get("channel").is_none()}>{ t(lang, "ed-channel-none") }</option>
                                        <option value="digital" selected={o["channel"] == "digital"}>{ t(lang, "ed-channel-digital") }</option>
                                        <option value="offline" selected={o["channel"] == "offline"}>{ t(lang, "ed-channel-offline") }</option>
                                    </select>
                                </div>
                            }
                            <button type="button" class="small" onclick={remove}
                                aria-label={ta(lang, "ed-option-remove", &[("n", (j + 1).into()), ("q", (i + 1).into())])}>{ t(lang, "ed-remove") }</button>
                        </li>
                    }
                }) }
                </ol>
                <button type="button" id={p("add-option")} onclick={{
                    let edit = edit.clone();
                    let target = format!("ed-q-{i}-o-{}-id", options.len());
                    Callback::from(move |_| {
                        edit(Box::new(move |d| {
                            let n = d["questions"][i]["options"].as_array().map_or(0, Vec::len) + 1;
                            if !d["questions"][i]["options"].is_array() { d["questions"][i]["options"] = json!([]); }
                            d["questions"][i]["options"].as_array_mut().expect("array").push(json!({"id": format!("option-{n}"), "label": {"ru": ""}}));
                        }));
                        let target = target.clone();
                        gloo::timers::callback::Timeout::new(0, move || services::focus(&target)).forget();
                    })
                }}>{ t(lang, "ed-add-option") }</button>
            </fieldset>
        };
        let type_specific = match kind.as_str() {
            "scale" => html! {
                <>
                    { input(p("points"), t(lang, "ed-points"), &format!("{base}.points"), q["points"].as_u64().unwrap_or(5).to_string(), "number", num_q("points")) }
                    <div class="field">
                        <label for={p("dimension")}>{ t(lang, "ed-dimension") }</label>
                        <select id={p("dimension")} aria-invalid={invalid(&format!("{base}.dimension"))} onchange={on_change(Rc::new(move |d, v| {
                            if v.is_empty() { d["questions"][i].as_object_mut().map(|m| m.remove("dimension")); } else { d["questions"][i]["dimension"] = json!(v) }
                        }))}>
                            <option value="" selected={q.get("dimension").is_none()}>{ t(lang, "ed-dimension-none") }</option>
                            { for dimensions.iter().map(|dim| { let id = dim["id"].as_str().unwrap_or("").to_owned();
                                html! { <option value={id.clone()} selected={q["dimension"] == id.as_str()}>{ format!("{id} — {}", text_pair(&dim["title"]).0) }</option> } }) }
                        </select>
                        { field_errors(&p("dimension"), &format!("{base}.dimension")) }
                    </div>
                    { labels("min") }
                    { labels("max") }
                </>
            },
            "nps" => html! { <>{ labels("min") }{ labels("max") }</> },
            "choice" => html! {
                <>
                    { checkbox(p("group"), t(lang, "ed-group"), group, Rc::new(move |d, on| {
                        if on { d["questions"][i]["group"] = json!(true) } else {
                            d["questions"][i].as_object_mut().map(|m| m.remove("group"));
                            if let Some(a) = d["questions"][i]["options"].as_array_mut() {
                                for o in a { o.as_object_mut().map(|m| m.remove("headcount")); }
                            }
                        }
                    })) }
                    { options_editor }
                </>
            },
            "multi" => options_editor,
            "number" => html! {
                <>
                    { input(p("min"), t(lang, "ed-min"), &format!("{base}.min"), q.get("min").map(|v| v.to_string()).unwrap_or_default(), "number", num_q("min")) }
                    { input(p("max"), t(lang, "ed-max"), &format!("{base}.max"), q.get("max").map(|v| v.to_string()).unwrap_or_default(), "number", num_q("max")) }
                    { checkbox(p("integer"), t(lang, "ed-integer"), q["integer"] == true, Rc::new(move |d, on| {
                        if on { d["questions"][i]["integer"] = json!(true) } else { d["questions"][i].as_object_mut().map(|m| m.remove("integer")); }
                    })) }
                    { text_inputs(p("unit"), t(lang, "ed-unit"), format!("{base}.unit"), q.get("unit").unwrap_or(&Value::Null),
                        Rc::new(move |d, v| if v["ru"] == "" { d["questions"][i].as_object_mut().map(|m| m.remove("unit")); } else { d["questions"][i]["unit"] = v })) }
                    { input(p("standard"), t(lang, "ed-standard"), &format!("{base}.standard_max"), q.get("standard_max").map(|v| v.to_string()).unwrap_or_default(), "number", num_q("standard_max")) }
                    <p class="hint">{ t(lang, "ed-standard-hint") }</p>
                </>
            },
            "text" => input(
                p("max-length"),
                t(lang, "ed-max-length"),
                &format!("{base}.max_length"),
                q.get("max_length")
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
                "number",
                num_q("max_length"),
            ),
            _ => html! {},
        };
        let cond_q = q["visible_if"]["question"]
            .as_str()
            .unwrap_or("")
            .to_owned();
        let cond_values = q["visible_if"]["in"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| match v {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        let card_errors: Vec<String> = errors_for(&base);
        // The closed card's line: its type and its (short) text.
        let summary_text = {
            let (ru, en) = text_pair(q.get("short").unwrap_or(&q["text"]));
            let text = if lang == Lang::En && !en.is_empty() {
                en
            } else {
                ru
            };
            let text = if text.is_empty() {
                text_pair(&q["text"]).0
            } else {
                text
            };
            let kind_name = t(lang, &format!("ed-type-{kind}"));
            if text.is_empty() {
                kind_name
            } else {
                format!("{kind_name} · {text}")
            }
        };
        let card_warnings: Vec<String> = warnings
            .iter()
            .filter(|w| under(&w.path, &base))
            .map(|w| warning_text(lang, w))
            .collect();
        html! {
            <li class="card ed-question" id={format!("ed-q-{i}")} aria-labelledby={p("heading")}>
              <details open={ed.open.contains(&i)} id={p("details")} ontoggle={{
                  let eds = ed.dispatcher();
                  Callback::from(move |e: Event| {
                      let open = e.target_unchecked_into::<web_sys::Element>().has_attribute("open");
                      eds.dispatch(EdAction::Toggle(i, open));
                  })
              }}>
                <summary>
                    <h3 id={p("heading")}>{ ta(lang, "ed-question-heading", &[("n", (i + 1).into()), ("id", qid.clone().into())]) }</h3>
                    <span class="ed-q-summary">{ summary_text.clone() }</span>
                    if !card_errors.is_empty() {
                        <span class="error">{ ta(lang, "ed-question-problems", &[("n", card_errors.len().into())]) }</span>
                    }
                </summary>
                { for card_warnings.iter().map(|w| html! { <p class="warning">{ w.clone() }</p> }) }
                <div class="ed-tools" role="group" aria-label={ta(lang, "ed-question-tools", &[("n", (i + 1).into())])}>
                    <button type="button" class="small" id={p("up")} disabled={i == 0} onclick={on_up}>{ t(lang, "ed-up") }</button>
                    <button type="button" class="small" id={p("down")} disabled={i + 1 == n_questions} onclick={on_down}>{ t(lang, "ed-down") }</button>
                    <button type="button" class="small" id={p("duplicate")} onclick={on_dup}>{ t(lang, "ed-duplicate") }</button>
                    <button type="button" class="small" id={p("remove")} onclick={on_remove}>{ t(lang, "ed-remove") }</button>
                </div>
                { input(p("id"), t(lang, "ed-question-id"), &format!("{base}.id"), qid.clone(), "text", set_q("id")) }
                <div class="field">
                    <label for={p("type")}>{ t(lang, "ed-question-type") }</label>
                    <select id={p("type")} onchange={on_change(Rc::new(move |d, v| { let q = retype(&d["questions"][i], &v); d["questions"][i] = q; }))}>
                        { for TYPES.iter().map(|k| html! { <option value={*k} selected={kind == *k}>{ t(lang, &format!("ed-type-{k}")) }</option> }) }
                    </select>
                </div>
                { text_area(p("text"), t(lang, "ed-question-text"), format!("{base}.text"), &q["text"], Rc::new(move |d, v| d["questions"][i]["text"] = v), 3) }
                { text_inputs(p("short"), t(lang, "ed-question-short"), format!("{base}.short"), q.get("short").unwrap_or(&Value::Null),
                    Rc::new(move |d, v| if v["ru"] == "" { d["questions"][i].as_object_mut().map(|m| m.remove("short")); } else { d["questions"][i]["short"] = v })) }
                <p class="hint">{ t(lang, "ed-question-short-hint") }</p>
                { text_inputs(p("hint"), t(lang, "ed-question-hint"), format!("{base}.hint"), q.get("hint").unwrap_or(&Value::Null),
                    Rc::new(move |d, v| if v["ru"] == "" { d["questions"][i].as_object_mut().map(|m| m.remove("hint")); } else { d["questions"][i]["hint"] = v })) }
                { checkbox(p("required"), t(lang, "ed-required"), q["required"] == true, Rc::new(move |d, on| {
                    if on { d["questions"][i]["required"] = json!(true) } else { d["questions"][i].as_object_mut().map(|m| m.remove("required")); }
                })) }
                <div class="field">
                    <label for={p("role")}>{ t(lang, "ed-role") }</label>
                    <select id={p("role")} aria-invalid={invalid(&format!("{base}.role"))} onchange={on_change(Rc::new(move |d, v| {
                        if v.is_empty() { d["questions"][i].as_object_mut().map(|m| m.remove("role")); } else { d["questions"][i]["role"] = json!(v) }
                    }))}>
                        <option value="" selected={q.get("role").is_none()}>{ t(lang, "ed-role-none") }</option>
                        { for ROLES.iter().map(|r| html! { <option value={*r} selected={q["role"] == *r}>{ t(lang, &format!("ed-role-{r}")) }</option> }) }
                    </select>
                    { field_errors(&p("role"), &format!("{base}.role")) }
                </div>
                { type_specific }
                <fieldset class="ed-condition">
                    <legend>{ t(lang, "ed-visible-if") }</legend>
                    <div class="field">
                        <label for={p("cond-question")}>{ t(lang, "ed-visible-if-question") }</label>
                        <select id={p("cond-question")} onchange={on_change(Rc::new(move |d, v| {
                            if v.is_empty() { d["questions"][i].as_object_mut().map(|m| m.remove("visible_if")); }
                            else { d["questions"][i]["visible_if"] = json!({"question": v, "in": []}); }
                        }))}>
                            <option value="" selected={cond_q.is_empty()}>{ t(lang, "ed-visible-always") }</option>
                            { for earlier.iter().map(|(id, text)| html! { <option value={id.clone()} selected={*id == cond_q}>{ format!("{id} — {text}") }</option> }) }
                        </select>
                    </div>
                    if !cond_q.is_empty() {
                        { input(p("cond-values"), t(lang, "ed-visible-if-values"), &format!("{base}.visible_if"), cond_values, "text",
                            Rc::new(move |d, v| {
                                let vals: Vec<Value> = v.split(',').map(str::trim).filter(|s| !s.is_empty())
                                    .map(|s| s.parse::<i64>().map_or(json!(s), |n| json!(n))).collect();
                                d["questions"][i]["visible_if"]["in"] = json!(vals);
                            })) }
                    }
                </fieldset>
              </details>
            </li>
        }
    };

    let on_add_kind = {
        let add_kind = add_kind.clone();
        Callback::from(move |e: Event| *add_kind.borrow_mut() = field_value(&e))
    };
    let on_add = {
        let edit = edit.clone();
        let now = add_kind.clone();
        let target = format!("ed-q-{n_questions}-id");
        let eds = ed.dispatcher();
        Callback::from(move |_| {
            eds.dispatch(EdAction::Toggle(n_questions, true));
            let kind = now.borrow().clone();
            edit(Box::new(move |d| {
                let q = new_question(d, &kind);
                if !d["questions"].is_array() {
                    d["questions"] = json!([]);
                }
                d["questions"].as_array_mut().expect("array").push(q);
            }));
            let target = target.clone();
            gloo::timers::callback::Timeout::new(0, move || services::focus(&target)).forget();
        })
    };

    // ----- toolbar: export, start, undo/redo, close
    let valid = problems.is_empty();
    let on_export = {
        let (ed, note) = (ed.clone(), note.clone());
        let doc = doc.clone();
        Callback::from(move |_| {
            let mut out = doc.clone();
            // A published survey that changed gets the next version.
            if let Some(origin) = &ed.origin {
                if *origin != doc && origin["version"] == doc["version"] {
                    let v = doc["version"].as_u64().unwrap_or(1) + 1;
                    out["version"] = json!(v);
                    note.set(Some(ta(lang, "ed-version-bumped", &[("v", v.into())])));
                    ed.dispatch(EdAction::Load {
                        doc: out.clone(),
                        published: true,
                    });
                }
            }
            let name = format!("{}.json", out["id"].as_str().unwrap_or("survey"));
            let text = serde_json::to_string_pretty(&out).expect("serialises") + "\n";
            services::download(&name, "application/json", text.as_bytes()).ok();
        })
    };
    let on_run = {
        let ctx = ctx.clone();
        let doc = doc.clone();
        Callback::from(move |_| {
            let source = serde_json::to_string_pretty(&doc).expect("serialises");
            if let Ok(survey) = Survey::from_json(&source) {
                ctx.dispatch.dispatch(Action::Offer(Box::new(Embedded {
                    survey,
                    source,
                    period: services::current_quarter(),
                    mode: Mode::Kiosk,
                })));
            }
        })
    };
    let undo = {
        let ed = ed.dispatcher();
        Callback::from(move |_| ed.dispatch(EdAction::Undo))
    };
    let redo = {
        let ed = ed.dispatcher();
        Callback::from(move |_| ed.dispatch(EdAction::Redo))
    };
    let close = {
        let ed = ed.dispatcher();
        Callback::from(move |_| ed.dispatch(EdAction::Close))
    };

    // ----- preview: the survey, or while it has problems its last version without
    // any (the user keeps seeing what respondents would see).
    if let Some(s) = &survey {
        *last_valid.borrow_mut() = Some(Rc::new(s.clone()));
    }
    let stale = survey.is_none() && last_valid.borrow().is_some();
    let shown = survey
        .as_ref()
        .map(|s| Rc::new(s.clone()))
        .or_else(|| last_valid.borrow().clone());
    let preview = shown.map(|s| {
        let on_answer = {
            let preview_answers = preview_answers.clone();
            Callback::from(move |(q, v): (String, Value)| {
                let mut a = (*preview_answers).clone();
                if v.is_null() { a.remove(&q); } else { a.insert(q, v); }
                preview_answers.set(a);
            })
        };
        html! {
            <div class={classes!("ed-preview-frame", if *wide { "wide" } else { "narrow" })}>
                <h2 class="preview-title">{ s.title.get(lang.code()).to_owned() }</h2>
                { for (0..s.questions.len()).filter(|&q| runner::is_visible(&s, &preview_answers, &s.questions[q])).map(|q| html! {
                    <QuestionView key={q} survey={s.clone()} index={q} answer={preview_answers.get(&s.questions[q].id).cloned()}
                        issue={None::<runner::Issue>} {lang} on_answer={on_answer.clone()} />
                }) }
            </div>
        }
    });
    let set_wide = |w: bool| {
        let wide = wide.clone();
        Callback::from(move |_| wide.set(w))
    };

    html! {
        <section class="editor" aria-labelledby="ed-title" onkeydown={on_key}>
            <h1 id="ed-title">{ t(lang, "ed-title") }</h1>
            <div class="ed-sticky">
            <div class="ed-toolbar card" role="toolbar" aria-label={t(lang, "ed-toolbar")}>
                <button type="button" id="ed-undo" disabled={ed.undo.is_empty()} onclick={undo} aria-keyshortcuts="Control+Z">{ t(lang, "ed-undo") }</button>
                <button type="button" id="ed-redo" disabled={ed.redo.is_empty()} onclick={redo} aria-keyshortcuts="Control+Y">{ t(lang, "ed-redo") }</button>
                <button type="button" id="ed-export" class="primary" disabled={!valid} onclick={on_export}>{ t(lang, "ed-export") }</button>
                <button type="button" id="ed-run" disabled={!valid} onclick={on_run}>{ t(lang, "ed-run") }</button>
                <button type="button" id="ed-close" onclick={close}>{ t(lang, "ed-close") }</button>
            </div>
            <div class="ed-status-bar">
                <p id="ed-status" role="status" class={if valid { "ok" } else { "error" }} data-problems={problems.len().to_string()}>
                    { if valid { t(lang, "ed-valid") } else { ta(lang, "ed-invalid", &[("n", problems.len().into())]) } }
                </p>
                if !valid {
                    <details class="ed-problems" id="ed-problems">
                        <summary>{ t(lang, "ed-problems-list") }</summary>
                        <ol>
                            { for problems.iter().map(|(path, m)| {
                                let target = field_id(path);
                                let href = format!("#{target}");
                                let place = problem_place(lang, path, &doc);
                                let onclick = Callback::from(move |e: MouseEvent| { e.prevent_default(); reveal(&target); });
                                html! { <li><a {href} {onclick}>{ format!("{place}: {}", natural(lang, path, m)) }</a></li> }
                            }) }
                        </ol>
                    </details>
                }
                <nav class="ed-sections" aria-label={t(lang, "ed-sections")}>
                    <a href="#ed-general-title">{ t(lang, "ed-general") }</a>
                    <a href="#ed-dims-title">{ t(lang, "ed-dimensions") }</a>
                    <a href="#ed-questions-title">{ ta(lang, "ed-questions", &[("n", n_questions.into())]) }</a>
                    <button type="button" class="link" id="ed-expand-all" onclick={{ let eds = ed.dispatcher(); Callback::from(move |_| eds.dispatch(EdAction::OpenAll(true))) }}>{ t(lang, "ed-expand-all") }</button>
                    <button type="button" class="link" id="ed-collapse-all" onclick={{ let eds = ed.dispatcher(); Callback::from(move |_| eds.dispatch(EdAction::OpenAll(false))) }}>{ t(lang, "ed-collapse-all") }</button>
                </nav>
            </div>
            </div>
            if let Some(n) = &*note { <p class="note" role="status">{ n.clone() }</p> }
            { for warnings.iter().filter(|w| w.path.is_empty()).map(|w| html! { <p class="warning">{ warning_text(lang, w) }</p> }) }
            { for problems.iter().filter(|(p, _)| p.is_empty() || p == "questions" || p == "dimensions").map(|(_, m)| html! { <p class="error">{ m.render(lang) }</p> }) }
            <div class="ed-layout">
                <div class="ed-form">
                    { general }
                    { dims }
                    <section aria-labelledby="ed-questions-title">
                        <h2 id="ed-questions-title">{ ta(lang, "ed-questions", &[("n", n_questions.into())]) }</h2>
                        <ol class="ed-questions">{ for questions.iter().enumerate().map(|(i, q)| question_card(i, q)) }</ol>
                        <div class="card ed-add">
                            <div class="field">
                                <label for="ed-add-type">{ t(lang, "ed-add-type") }</label>
                                <select id="ed-add-type" onchange={on_add_kind}>
                                    { for TYPES.iter().map(|k| html! { <option value={*k} selected={*add_kind.borrow() == *k}>{ t(lang, &format!("ed-type-{k}")) }</option> }) }
                                </select>
                            </div>
                            <button type="button" id="ed-add-question" onclick={on_add}>{ t(lang, "ed-add-question") }</button>
                        </div>
                    </section>
                </div>
                <aside class="ed-preview card" aria-labelledby="ed-preview-title">
                    <h2 id="ed-preview-title">{ t(lang, "ed-preview") }</h2>
                    <div class="ed-preview-switch" role="group" aria-label={t(lang, "ed-preview-width")}>
                        <button type="button" id="ed-preview-phone" aria-pressed={(!*wide).to_string()} onclick={set_wide(false)}>{ t(lang, "ed-preview-phone") }</button>
                        <button type="button" id="ed-preview-desktop" aria-pressed={wide.to_string()} onclick={set_wide(true)}>{ t(lang, "ed-preview-desktop") }</button>
                    </div>
                    if stale { <p class="note" id="ed-preview-stale">{ t(lang, "ed-preview-stale") }</p> }
                    { preview.unwrap_or_else(|| html! { <p class="hint">{ t(lang, "ed-preview-invalid") }</p> }) }
                </aside>
            </div>
        </section>
    }
}

fn field_value(e: &Event) -> String {
    let t = e.target();
    t.as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value()))
        .or_else(|| {
            t.as_ref()
                .and_then(|t| t.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()))
        })
        .or_else(|| {
            t.as_ref().and_then(|t| {
                t.dyn_ref::<web_sys::HtmlTextAreaElement>()
                    .map(|a| a.value())
            })
        })
        .unwrap_or_default()
}
