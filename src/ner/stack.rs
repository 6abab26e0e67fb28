//! Two-pass stacking for the NER tagger: features of a second pass made from the first pass's labels over the
//! whole document (how the first pass labelled the same stem elsewhere, before and after; its labels of the
//! neighbours). An experiment of `hashiya train --stack`: the shipped recognizer does not run a second pass
//! (it did not pay on PEYMA; see model/README.md).

use super::features::{mix, mix2, History, TokInfo};
use super::model::state_label;
use std::collections::HashMap;

/// Number of stacking features per token.
pub const NS: usize = 12;

/// The first pass's labels of a document, counted by word (bare stem): outside, PER, LOC, ORG.
#[derive(Debug, Default, Clone)]
pub struct DocLabels {
    map: HashMap<u32, [u16; 4]>,
}

impl DocLabels {
    /// Forgets everything.
    pub fn clear(&mut self) {
        self.map.clear();
    }

    /// Counts a sentence's first-pass BILOU states.
    pub fn add(&mut self, infos: &[TokInfo], states: &[u8]) {
        for (t, &s) in infos.iter().zip(states) {
            let k = History::key(t);
            if k == 0 {
                continue;
            }
            let c = self.map.entry(k).or_insert([0; 4]);
            let i = state_label(s).map_or(0, |l| l + 1);
            c[i] = c[i].saturating_add(1);
        }
    }

    /// (label 1..3 given most often to the word's other occurrences inside a name, 0 if none; how many of them
    /// are inside a name, capped at 3; whether more of them are inside a name than outside: 0 none, 1 fewer,
    /// 2 more).
    fn of(&self, t: &TokInfo, own: u8) -> (u32, u32, u32) {
        let k = History::key(t);
        let Some(c) = (if k == 0 { None } else { self.map.get(&k) }) else { return (0, 0, 0) };
        let mut c = *c;
        let i = state_label(own).map_or(0, |l| l + 1);
        c[i] = c[i].saturating_sub(1);
        let names = u32::from(c[1]) + u32::from(c[2]) + u32::from(c[3]);
        if names == 0 {
            return (0, 0, 0);
        }
        let mut best = 1;
        for j in 2..4 {
            if c[j] > c[best] {
                best = j;
            }
        }
        let ratio = if names > u32::from(c[0]) { 2 } else { 1 };
        (best as u32, names.min(3), ratio)
    }
}

/// The stacking features of position `i` of a sentence with first-pass states `st`, given the document's
/// first-pass labels `doc`.
pub fn stack_features(infos: &[TokInfo], st: &[u8], doc: &DocLabels, i: usize, out: &mut [u32; NS]) {
    let s = |d: isize| -> u32 {
        let j = i as isize + d;
        if j < 0 {
            13
        } else {
            st.get(j as usize).map_or(14, |&x| u32::from(x))
        }
    };
    let dl = |d: isize| -> u32 {
        let j = i as isize + d;
        if j < 0 {
            return 4;
        }
        match (infos.get(j as usize), st.get(j as usize)) {
            (Some(t), Some(&x)) => doc.of(t, x).0,
            _ => 5,
        }
    };
    let (Some(t), Some(&own)) = (infos.get(i), st.get(i)) else {
        *out = [mix(70, 0xFF); NS];
        return;
    };
    let (l, n, r) = doc.of(t, own);
    let me = u32::from(own);
    *out = [
        mix(70, l << 2 | n),
        mix2(71, l, me),
        mix2(72, l, r),
        mix(73, me),
        mix(74, s(-1)),
        mix(75, s(1)),
        mix(76, s(-2)),
        mix(77, s(2)),
        mix2(78, l, t.level(1)),
        mix2(79, mix2(79, s(-1), me), s(1)),
        mix2(80, dl(-1), dl(1)),
        mix2(81, l, t.ph & 0xF),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::clusters::Clusters;
    use crate::ner::features::{tok_info, Triggers};
    use crate::ner::model::Classes;
    use crate::normalize::normalize_str;
    use crate::tokenize::TokenKind;

    fn info(w: &str) -> TokInfo {
        tok_info(&normalize_str(w), TokenKind::Word, &Triggers::shipped(), &Classes::EMPTY, &Clusters::EMPTY)
    }

    #[test]
    fn other_occurrences_give_the_label_and_the_own_one_does_not() {
        let (said, maduro) = (info("قال"), info("مادورو"));
        let mut d = DocLabels::default();
        // قال O, مادورو U-PER (state 4), and later مادورو O.
        d.add(&[said, maduro], &[0, 4]);
        d.add(&[maduro], &[0]);
        assert_eq!(d.of(&maduro, 0), (1, 1, 2), "the other occurrence was a person");
        assert_eq!(d.of(&maduro, 4), (0, 0, 0), "its own label does not count");
        assert_eq!(d.of(&said, 0), (0, 0, 0));
        // Once more outside a name: as often outside as inside among the others.
        d.add(&[maduro], &[0]);
        assert_eq!(d.of(&maduro, 0), (1, 1, 1));
        // Twice a place (U-LOC, state 8) outvotes once a person.
        d.add(&[maduro, maduro], &[8, 8]);
        assert_eq!(d.of(&maduro, 0), (2, 3, 2));
    }

    #[test]
    fn features_never_panic_and_depend_on_the_document() {
        let infos = [info("قال"), info("مادورو")];
        let mut d = DocLabels::default();
        let (mut a, mut b) = ([0u32; NS], [0u32; NS]);
        stack_features(&infos, &[0, 0], &d, 1, &mut a);
        d.add(&infos, &[0, 4]);
        d.add(&infos, &[0, 4]);
        stack_features(&infos, &[0, 0], &d, 1, &mut b);
        assert_ne!(a, b);
        stack_features(&infos, &[0], &d, 5, &mut a);
        stack_features(&[], &[], &d, 0, &mut a);
    }
}
