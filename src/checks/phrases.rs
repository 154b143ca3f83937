//! The KB's phrase rules (`phrases.csv`): calques, false friends, untranslated
//! English, transliterations. One check for the whole pack: its findings carry
//! the rule id of the row that matched.

use super::{Check, Context, RuleMeta, Sink};

pub struct Phrases;

impl Check for Phrases {
    fn rules(&self) -> &'static [&'static RuleMeta] {
        &[]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Sink<'_>) {
        let set = cx.kb.phrases();
        let toks = cx.doc.tokens();
        for hit in set.find(cx.doc) {
            let rule = &set.rules()[hit.rule];
            let range = toks[hit.m.start].start as usize..toks[hit.m.end - 1].end as usize;
            let found = &cx.doc.text[range.clone()];
            let suggestion = rule.suggestion_for(cx.doc, &hit.m);
            let message = rule
                .message
                .replace("{found}", found)
                .replace("{suggestion}", &suggestion);
            out.report_phrase(hit.rule, range, 1.0, suggestion, message);
        }
    }
}
