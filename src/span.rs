//! The annotation data model: labels, spans and what they carry. Offsets here are always byte offsets into
//! the original text; [`crate::offsets`] converts them at the edges.

use serde::Serialize;

/// What a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Label {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// A place: country, city, region, sea, named site or facility.
    #[serde(rename = "LOC")]
    Loc,
    /// An organisation: named government body, agency, outlet, platform, alliance, company.
    #[serde(rename = "ORG")]
    Org,
    /// A date or time expression, absolute or relative.
    #[serde(rename = "DATE")]
    Date,
    /// Quoted words (between quotation marks, marks excluded).
    #[serde(rename = "QUOTE")]
    Quote,
    /// A statement introduced by a colon without quotation marks.
    #[serde(rename = "STATEMENT")]
    Statement,
}

impl Label {
    /// Every label, in display order.
    pub const ALL: [Label; 6] = [Label::Per, Label::Loc, Label::Org, Label::Date, Label::Quote, Label::Statement];

    /// The label's short name as used in output (`PER`, `LOC`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Loc => "LOC",
            Label::Org => "ORG",
            Label::Date => "DATE",
            Label::Quote => "QUOTE",
            Label::Statement => "STATEMENT",
        }
    }

    /// Parses a label name.
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// Named entities (people, places, organisations).
    pub fn is_entity(self) -> bool {
        matches!(self, Label::Per | Label::Loc | Label::Org)
    }

    /// Quotations and statements: the layer that may contain entities and dates.
    pub fn is_quotation(self) -> bool {
        matches!(self, Label::Quote | Label::Statement)
    }
}

/// The calendar a date expression is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    /// Gregorian.
    Gregorian,
    /// Solar Hijri (Jalali, the Iranian calendar).
    Jalali,
    /// Lunar Hijri (Islamic, Umm al-Qura).
    Hijri,
}

/// Who is quoted: a byte range of the original text naming the speaker, and the entity it refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// Start byte offset in the original text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The entity id of the speaker, when the speaker is a recognised person or organisation.
    pub entity: Option<u32>,
}

/// An annotated span of the original text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    /// What it is.
    pub label: Label,
    /// Start byte offset in the original text (on a character boundary).
    pub start: usize,
    /// End byte offset (exclusive, on a character boundary).
    pub end: usize,
    /// DATE: the normalised value (TIMEX3-style without a reference date, ISO with one).
    pub value: Option<String>,
    /// DATE: the calendar it is written in.
    pub calendar: Option<Calendar>,
    /// DATE in the Jalali or Hijri calendar: the Gregorian equivalent (ISO).
    pub gregorian: Option<String>,
    /// QUOTE and STATEMENT: who is quoted.
    pub speaker: Option<Speaker>,
    /// PER, LOC, ORG: the id of the entity this mention refers to (unique within a document).
    pub entity: Option<u32>,
}

impl Span {
    /// A span with only a label and a range.
    pub fn new(label: Label, start: usize, end: usize) -> Span {
        Span { label, start, end, value: None, calendar: None, gregorian: None, speaker: None, entity: None }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies within this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A recognizer's proposal: a span and how sure the recognizer is, for overlap resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The proposed span.
    pub span: Span,
    /// Confidence in [0, 1]; higher wins an overlap.
    pub score: f32,
    /// Which recognizer proposed it (for debugging and tests).
    pub source: &'static str,
}

/// An entity: the mentions in one document that refer to the same person, place or organisation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Its id, referenced by [`Span::entity`].
    pub id: u32,
    /// Its label.
    pub label: Label,
    /// Its canonical name (the fullest form written in the document).
    pub name: String,
    /// Indices into the document's spans of its mentions.
    pub mentions: Vec<usize>,
    /// Its distinct surface forms, in order of appearance.
    pub aliases: Vec<String>,
}
