//! Temporary until the data's labels in both languages land.
use crate::data::Lang;
use crate::data::model::{Category, EventKind, InitiativeGroup};
use crate::data::values::{Certainty, TimeOfDay};

pub trait Label {
    fn label(self, lang: Lang) -> &'static str;
}
macro_rules! shim {
    ($($t:ty),*) => {$(impl Label for $t {
        fn label(self, _lang: Lang) -> &'static str { self.label_zh() }
    })*};
}
shim!(Category, EventKind, InitiativeGroup, TimeOfDay);
impl Label for Certainty {
    fn label(self, lang: Lang) -> &'static str {
        match (self.is_derived(), lang) {
            (true, Lang::Zh) => "推定",
            (true, Lang::En) => "derived",
            (false, Lang::Zh) => "文本所载",
            (false, Lang::En) => "stated",
        }
    }
}
