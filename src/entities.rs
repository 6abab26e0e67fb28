//! Entity linking within one document: mentions of the same person, place or organisation share an id.
//!
//! Two mentions with the same label are linked when their normalized forms are equal, or when one is a
//! person's short form: a single-word PER mention equal to the last word of a longer PER mention
//! (`مادورو` → `نيكولاس مادورو`). The canonical name is the longest mention as written.
//! Quotation speakers that lie on a linked mention take its id.

use std::collections::HashMap;

use crate::normalize::normalize_str;
use crate::span::{Entity, Label, Span};

/// The matching key of a mention: normalized, words separated by single spaces (ZWNJ counts as a space).
fn key(text: &str) -> String {
    let n = normalize_str(text);
    n.split([' ', '\u{200C}']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Assigns `entity` ids to the PER/LOC/ORG spans of `spans` (over `text`) and to speakers that coincide with a
/// mention, and returns the entities in order of first mention.
pub fn link(text: &str, spans: &mut [Span]) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut by_key: HashMap<(Label, String), usize> = HashMap::new();

    // Longer mentions first, so short forms find the full name whatever the order in the text.
    let mut order: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].label.is_entity()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(spans[i].len()), spans[i].start));

    for i in order {
        let label = spans[i].label;
        let k = key(&text[spans[i].start..spans[i].end]);
        let found = by_key.get(&(label, k.clone())).copied().or_else(|| {
            if label != Label::Per || k.contains(' ') {
                return None;
            }
            entities.iter().position(|e| e.label == Label::Per && keys[e.id as usize].rsplit(' ').next() == Some(&k))
        });
        let ent = match found {
            Some(e) => e,
            None => {
                let id = entities.len();
                entities.push(Entity {
                    id: id as u32,
                    label,
                    name: text[spans[i].start..spans[i].end].to_string(),
                    mentions: Vec::new(),
                });
                keys.push(k.clone());
                id
            }
        };
        by_key.entry((label, k)).or_insert(ent);
        entities[ent].mentions.push(i);
        spans[i].entity = Some(ent as u32);
    }

    // Renumber in order of first mention, so ids read naturally.
    let mut first: Vec<(usize, usize)> =
        entities.iter().map(|e| (e.mentions.iter().map(|&m| spans[m].start).min().unwrap_or(0), e.id as usize)).collect();
    first.sort_unstable();
    let mut new_id = vec![0u32; entities.len()];
    for (n, &(_, old)) in first.iter().enumerate() {
        new_id[old] = n as u32;
    }
    for s in spans.iter_mut() {
        if let Some(e) = s.entity {
            s.entity = Some(new_id[e as usize]);
        }
    }
    for e in &mut entities {
        e.id = new_id[e.id as usize];
        e.mentions.sort_unstable();
    }
    entities.sort_by_key(|e| e.id);

    // Speakers that are exactly a mention (or lie inside one) refer to its entity.
    let mentions: Vec<(usize, usize, u32)> =
        spans.iter().filter_map(|s| s.entity.map(|e| (s.start, s.end, e))).collect();
    let mut mentions = mentions;
    mentions.sort_unstable();
    for s in spans.iter_mut() {
        if let Some(sp) = s.speaker.as_mut() {
            let i = mentions.partition_point(|m| m.0 < sp.start);
            let containing = i.checked_sub(1).map(|j| mentions[j]).filter(|m| sp.end <= m.1);
            let inside = mentions[i..].iter().take_while(|m| m.0 < sp.end).find(|m| m.1 <= sp.end).copied();
            sp.entity = containing.or(inside).map(|m| m.2);
        }
    }
    entities
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(text: &str, label: Label, s: &str, nth: usize) -> Span {
        let start = text.match_indices(s).nth(nth).unwrap().0;
        Span::new(label, start, start + s.len())
    }

    #[test]
    fn short_forms_and_variants_link() {
        let text = "قال نيكولاس مادورو إن مادورو باق. وقال ترامب في أمريكا وامريكا";
        let mut spans = vec![
            span_of(text, Label::Per, "نيكولاس مادورو", 0),
            span_of(text, Label::Per, "مادورو", 1),
            span_of(text, Label::Per, "ترامب", 0),
            span_of(text, Label::Loc, "أمريكا", 0),
            span_of(text, Label::Loc, "امريكا", 0),
        ];
        let ents = link(text, &mut spans);
        assert_eq!(ents.len(), 3);
        assert_eq!(ents[0].name, "نيكولاس مادورو");
        assert_eq!(ents[0].mentions, [0, 1]);
        assert_eq!(spans[1].entity, Some(0));
        assert_eq!(spans[2].entity, Some(1));
        assert_eq!(spans[3].entity, spans[4].entity);
    }

    #[test]
    fn same_text_other_label_is_another_entity() {
        let text = "الجزائر الجزائر";
        let mut spans = vec![Span::new(Label::Loc, 0, 14), Span::new(Label::Org, 15, 29)];
        let ents = link(text, &mut spans);
        assert_eq!(ents.len(), 2);
    }
}
