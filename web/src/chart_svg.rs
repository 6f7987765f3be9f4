//! The bridge from analysis results to `otklik-charts` inputs.

use otklik_analytics::{Analysis, ChannelStats, GroupStats};
use otklik_survey::Survey;

use crate::i18n::Lang;

pub fn trend(_s: &Survey, _a: &Analysis, _lang: Lang) -> Option<String> {
    None
}
pub fn likert(_s: &Survey, _g: &GroupStats, _lang: Lang, _k: u32) -> Option<String> {
    None
}
pub fn quadrant(_s: &Survey, _g: &GroupStats, _lang: Lang) -> Option<String> {
    None
}
pub fn channels(
    _s: &Survey,
    _q: &str,
    _mix: &ChannelStats,
    _lang: Lang,
    _k: u32,
) -> Option<String> {
    None
}
pub fn heatmap(
    _s: &Survey,
    _groups: &[(String, Option<&GroupStats>)],
    _lang: Lang,
    _k: u32,
) -> Option<String> {
    None
}
pub fn nps(
    _q: &str,
    _groups: &[(String, Option<&GroupStats>)],
    _lang: Lang,
    _k: u32,
) -> Option<String> {
    None
}
pub fn standards(
    _s: &Survey,
    _groups: &[(String, Option<&GroupStats>)],
    _standards: &[String],
    _lang: Lang,
    _k: u32,
) -> Option<String> {
    None
}
