//! The serialisable view of a document that leaves Rust: spans with offsets in a chosen unit and their text.
//! The CLI writes it as JSON with Unicode scalar offsets; the WebAssembly module hands it to JavaScript with
//! UTF-16 offsets. Both go through [`DocumentOut::new`], so the conversion happens once, here.

use serde::Serialize;

use crate::offsets::{OffsetTable, Unit};
use crate::span::{Calendar, Label};
use crate::{Document, Lang};

/// A speaker in output units.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerOut {
    /// The speaker as written.
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// Entity id, when the speaker is a recognised mention.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<u32>,
}

/// A span in output units.
#[derive(Debug, Clone, Serialize)]
pub struct SpanOut {
    /// Its label.
    pub label: Label,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The text between the offsets, exactly as in the input.
    pub text: String,
    /// DATE: normalised value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// DATE: calendar.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar: Option<Calendar>,
    /// DATE: Gregorian equivalent of a Jalali or Hijri date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gregorian: Option<String>,
    /// QUOTE/STATEMENT: who is quoted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<SpeakerOut>,
    /// PER/LOC/ORG: entity id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<u32>,
}

/// An entity in output form.
#[derive(Debug, Clone, Serialize)]
pub struct EntityOut {
    /// Id referenced by spans.
    pub id: u32,
    /// Label.
    pub label: Label,
    /// Canonical name.
    pub name: String,
    /// Indices into `spans` of its mentions.
    pub mentions: Vec<usize>,
    /// Distinct surface forms, in order of appearance.
    pub aliases: Vec<String>,
}

/// A paragraph in output units.
#[derive(Debug, Clone, Serialize)]
pub struct ParagraphOut {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// Language.
    pub lang: Lang,
}

/// A whole document in output units.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentOut {
    /// The unit of every offset: `"utf16"`, `"scalar"` or `"byte"`.
    pub unit: &'static str,
    /// Document language.
    pub lang: Lang,
    /// Paragraphs.
    pub paragraphs: Vec<ParagraphOut>,
    /// Spans, sorted by start.
    pub spans: Vec<SpanOut>,
    /// Entities.
    pub entities: Vec<EntityOut>,
}

impl DocumentOut {
    /// Converts `doc` (annotations of `text`) to output form with offsets in `unit`.
    pub fn new(text: &str, doc: &Document, unit: Unit) -> DocumentOut {
        let tab = OffsetTable::new(text, doc.offsets());
        let at = |b: usize| tab.get(b, unit);
        let spans = doc
            .spans
            .iter()
            .map(|s| SpanOut {
                label: s.label,
                start: at(s.start),
                end: at(s.end),
                text: text[s.start..s.end].to_string(),
                value: s.value.clone(),
                calendar: s.calendar,
                gregorian: s.gregorian.clone(),
                speaker: s.speaker.as_ref().map(|sp| SpeakerOut {
                    text: text[sp.start..sp.end].to_string(),
                    start: at(sp.start),
                    end: at(sp.end),
                    entity: sp.entity,
                }),
                entity: s.entity,
            })
            .collect();
        DocumentOut {
            unit: match unit {
                Unit::Byte => "byte",
                Unit::Utf16 => "utf16",
                Unit::Scalar => "scalar",
            },
            lang: doc.lang,
            paragraphs: doc.paragraphs.iter().map(|p| ParagraphOut { start: at(p.start), end: at(p.end), lang: p.lang }).collect(),
            spans,
            entities: doc
                .entities
                .iter()
                .map(|e| EntityOut {
                    id: e.id,
                    label: e.label,
                    name: e.name.clone(),
                    mentions: e.mentions.clone(),
                    aliases: e.aliases.clone(),
                })
                .collect(),
        }
    }
}

impl DocumentOut {
    /// Renders the spans one per line, numbers before text so right-to-left display cannot scramble the
    /// columns: `start..end<TAB>LABEL<TAB>text`, then `<TAB>key=value` for what the span carries. Used by the
    /// CLI's readable view and by the golden-file tests.
    pub fn render_lines(&self) -> String {
        let mut out = String::new();
        for s in &self.spans {
            let text = s.text.replace('\n', "\u{21B5}");
            out.push_str(&format!("{}..{}\t{}\t{}", s.start, s.end, s.label.as_str(), text));
            if let Some(v) = &s.value {
                out.push_str(&format!("\tvalue={v}"));
            }
            if let Some(c) = s.calendar {
                out.push_str(&format!("\tcalendar={}", serde_plain(c)));
            }
            if let Some(g) = &s.gregorian {
                out.push_str(&format!("\tgregorian={g}"));
            }
            if let Some(sp) = &s.speaker {
                out.push_str(&format!("\tspeaker={}..{} {}", sp.start, sp.end, sp.text));
            }
            if let Some(e) = s.entity {
                out.push_str(&format!("\tentity={e}"));
            }
            out.push('\n');
        }
        out
    }
}

fn serde_plain(c: Calendar) -> &'static str {
    match c {
        Calendar::Gregorian => "gregorian",
        Calendar::Jalali => "jalali",
        Calendar::Hijri => "hijri",
    }
}
