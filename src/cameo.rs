//! The CAMEO event codes newsgraph gives the events it finds.
//!
//! CAMEO (Conflict and Mediation Event Observations) is the public code set
//! behind the GDELT and ICEWS event data: a three-digit code per kind of
//! interaction between two actors, grouped under twenty two-digit roots
//! (04 Consult, 11 Disapprove, 17 Coerce, …). Codes and labels here are those
//! of the CAMEO codebook, version 1.1b3 (Philip A. Schrodt, Parus Analytical
//! Systems, March 2012, <http://data.gdeltproject.org/documentation/CAMEO.Manual.1.1b3.pdf>).
//!
//! Each event carries the most specific code the text supports: a meeting is
//! 040 (consult), one its host received 043, talks named as negotiations 046;
//! a phone call 041; a trip 042; a meeting or trip announced for later 036
//! (express intent to meet); a quotation 010 (make statement).

use serde::{Serialize, Serializer};

/// A CAMEO event code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cameo {
    /// 010 Make statement, not specified below.
    Statement,
    /// 020 Appeal, not specified below.
    Appeal,
    /// 036 Express intent to meet or negotiate.
    IntendToMeet,
    /// 040 Consult, not specified below.
    Consult,
    /// 041 Discuss by telephone.
    Telephone,
    /// 042 Make a visit.
    Visit,
    /// 043 Host a visit.
    Host,
    /// 045 Mediate.
    Mediate,
    /// 046 Engage in negotiation.
    Negotiate,
    /// 051 Praise or endorse.
    Praise,
    /// 055 Apologize.
    Apologize,
    /// 057 Sign formal agreement.
    Agree,
    /// 090 Investigate, not specified below.
    Investigate,
    /// 100 Demand, not specified below.
    Demand,
    /// 111 Criticize or denounce.
    Criticize,
    /// 112 Accuse, not specified below.
    Accuse,
    /// 120 Reject, not specified below.
    Reject,
    /// 130 Threaten, not specified below.
    Threaten,
    /// 141 Demonstrate or rally, not specified below.
    Demonstrate,
    /// 163 Impose embargo, boycott, or sanctions.
    Sanction,
    /// 173 Arrest, detain, or charge with legal action.
    Arrest,
    /// 174 Expel or deport individuals.
    Expel,
    /// 190 Use conventional military force, not specified below.
    Fight,
}

impl Cameo {
    /// Every code newsgraph emits, in code order.
    pub const ALL: [Cameo; 23] = [
        Self::Statement,
        Self::Appeal,
        Self::IntendToMeet,
        Self::Consult,
        Self::Telephone,
        Self::Visit,
        Self::Host,
        Self::Mediate,
        Self::Negotiate,
        Self::Praise,
        Self::Apologize,
        Self::Agree,
        Self::Investigate,
        Self::Demand,
        Self::Criticize,
        Self::Accuse,
        Self::Reject,
        Self::Threaten,
        Self::Demonstrate,
        Self::Sanction,
        Self::Arrest,
        Self::Expel,
        Self::Fight,
    ];

    /// The three-digit code ("040").
    pub fn code(self) -> &'static str {
        self.entry().0
    }

    /// The codebook's label ("Consult, not specified below").
    pub fn label(self) -> &'static str {
        self.entry().1
    }

    /// The code of its two-digit root ("04").
    pub fn root(self) -> &'static str {
        &self.code()[..2]
    }

    fn entry(self) -> (&'static str, &'static str) {
        match self {
            Self::Statement => ("010", "Make statement, not specified below"),
            Self::Appeal => ("020", "Appeal, not specified below"),
            Self::IntendToMeet => ("036", "Express intent to meet or negotiate"),
            Self::Consult => ("040", "Consult, not specified below"),
            Self::Telephone => ("041", "Discuss by telephone"),
            Self::Visit => ("042", "Make a visit"),
            Self::Host => ("043", "Host a visit"),
            Self::Mediate => ("045", "Mediate"),
            Self::Negotiate => ("046", "Engage in negotiation"),
            Self::Praise => ("051", "Praise or endorse"),
            Self::Apologize => ("055", "Apologize"),
            Self::Agree => ("057", "Sign formal agreement"),
            Self::Investigate => ("090", "Investigate, not specified below"),
            Self::Demand => ("100", "Demand, not specified below"),
            Self::Criticize => ("111", "Criticize or denounce"),
            Self::Accuse => ("112", "Accuse, not specified below"),
            Self::Reject => ("120", "Reject, not specified below"),
            Self::Threaten => ("130", "Threaten, not specified below"),
            Self::Demonstrate => ("141", "Demonstrate or rally, not specified below"),
            Self::Sanction => ("163", "Impose embargo, boycott, or sanctions"),
            Self::Arrest => ("173", "Arrest, detain, or charge with legal action"),
            Self::Expel => ("174", "Expel or deport individuals"),
            Self::Fight => ("190", "Use conventional military force, not specified below"),
        }
    }

    /// The code of a three-digit string, if newsgraph emits it.
    pub fn from_code(code: &str) -> Option<Cameo> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

impl Serialize for Cameo {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_three_digits_unique_and_in_order() {
        let codes: Vec<&str> = Cameo::ALL.iter().map(|c| c.code()).collect();
        assert!(codes.iter().all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_digit())));
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "{codes:?}");
        assert_eq!(Cameo::from_code("041"), Some(Cameo::Telephone));
        assert_eq!(Cameo::Telephone.root(), "04");
        assert!(Cameo::ALL.len() >= 12);
    }
}
