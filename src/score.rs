//! Scoring: severity weights, the document score and its verdict (DESIGN.md).

use crate::finding::{Reported, Severity};

/// Penalty weight of each severity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    pub minor: f64,
    pub major: f64,
    pub critical: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            minor: 1.0,
            major: 5.0,
            critical: 10.0,
        }
    }
}

impl Weights {
    pub fn of(&self, s: Severity) -> f64 {
        match s {
            Severity::Minor => self.minor,
            Severity::Major => self.major,
            Severity::Critical => self.critical,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
    /// The document could not be read or decoded.
    Error,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Error => "error",
        }
    }
}

/// The summary of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct DocScore {
    pub words: usize,
    pub issues: usize,
    /// Findings per severity: minor, major, critical.
    pub by_severity: [usize; 3],
    pub penalty: f64,
    /// `None` for a document in error.
    pub score: Option<f64>,
    pub verdict: Verdict,
}

/// `max(0, 100 − penalty × 1000 / max(words, 1))`: an MQM-style penalty per
/// thousand words. Baselined findings do not count.
pub fn score(words: usize, findings: &[Reported], pass_threshold: f64) -> DocScore {
    let mut by_severity = [0; 3];
    let mut penalty = 0.0;
    let mut issues = 0;
    for f in findings.iter().filter(|f| !f.baselined) {
        issues += 1;
        by_severity[f.severity as usize] += 1;
        penalty += f.penalty;
    }
    let score = (100.0 - penalty * 1000.0 / words.max(1) as f64).max(0.0);
    DocScore {
        words,
        issues,
        by_severity,
        penalty,
        score: Some(score),
        verdict: if score < pass_threshold {
            Verdict::Fail
        } else {
            Verdict::Pass
        },
    }
}

/// The summary row of a document that could not be read.
pub fn error_score() -> DocScore {
    DocScore {
        words: 0,
        issues: 0,
        by_severity: [0; 3],
        penalty: 0.0,
        score: None,
        verdict: Verdict::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Category, Confidence, Finding, RuleId};

    fn reported(severity: Severity, conf: f64) -> Reported {
        Reported {
            finding: Finding {
                rule: RuleId(0),
                start: 0,
                end: 1,
                confidence: Confidence::new(conf),
                suggestion: String::new(),
                message: String::new(),
            },
            severity,
            category: Category::Name,
            penalty: Weights::default().of(severity) * conf,
            baselined: false,
        }
    }

    #[test]
    fn penalty_per_thousand_words() {
        let s = score(
            250,
            &[reported(Severity::Major, 1.0), reported(Severity::Minor, 0.5)],
            90.0,
        );
        assert!((s.penalty - 5.5).abs() < 1e-9);
        assert!((s.score.unwrap() - 78.0).abs() < 1e-9);
        assert_eq!(s.verdict, Verdict::Fail);
        assert_eq!(s.by_severity, [1, 1, 0]);
    }

    #[test]
    fn baselined_findings_do_not_count() {
        let mut known = reported(Severity::Critical, 1.0);
        known.baselined = true;
        let s = score(100, &[known, reported(Severity::Minor, 1.0)], 95.0);
        assert_eq!((s.issues, s.by_severity), (1, [1, 0, 0]));
        assert!((s.score.unwrap() - 90.0).abs() < 1e-9);
    }

    #[test]
    fn empty_documents_score_100_and_scores_stop_at_0() {
        let s = score(0, &[], 90.0);
        assert_eq!(s.score, Some(100.0));
        assert_eq!(s.verdict, Verdict::Pass);
        let s = score(1, &[reported(Severity::Critical, 1.0)], 90.0);
        assert_eq!(s.score, Some(0.0));
    }

    #[test]
    fn threshold_compares_the_unrounded_score() {
        // 100 - 1 * 1000 / 25000 = 99.96, printed 100.0 but below 99.961.
        let s = score(25000, &[reported(Severity::Minor, 1.0); 1], 99.961);
        assert!((s.score.unwrap() - 99.96).abs() < 1e-9);
        assert_eq!(s.verdict, Verdict::Fail);
    }
}
