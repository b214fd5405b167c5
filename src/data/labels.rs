//! The printed names of the data's enums, in both languages: one table per enum, so that no
//! variant has a label in one language and lacks it in the other.

use crate::data::lang::labels;
use crate::data::model::{
    Category, CountryKind, DocumentKind, EventKind, InitiativeGroup, ScoStatus,
};
use crate::data::values::{Certainty, Qualifier, TimeOfDay};

labels!(EventKind {
    Summit => "峰会", "Summit";
    Meeting => "会见", "Meeting";
    Visit => "访问", "Visit";
    Chairmanship => "主席国", "Chairmanship";
    Launch => "揭牌", "Launch";
    Initiative => "倡议", "Initiative";
    Commemoration => "纪念", "Commemoration";
    Ceremony => "仪式", "Ceremony";
    Press => "发布", "Press";
    Culture => "人文", "Culture";
    Forum => "论坛", "Forum";
    Period => "时期", "Period";
});

labels!(InitiativeGroup {
    Summit => "峰会倡议", "Summit initiatives";
    Other => "其他倡议", "Other initiatives";
});

labels!(Category {
    Platform => "合作平台", "Cooperation platforms";
    Finance => "资金支持", "Financial support";
    Livelihood => "民生项目", "Livelihood projects";
    Education => "教育人才", "Education and talent";
    Energy => "能源绿色", "Energy and green development";
    Technology => "科技创新", "Science and technology innovation";
    Digital => "数字经济", "Digital economy";
    Trade => "经贸合作", "Economic and trade cooperation";
    Forum => "论坛", "Forums";
    Health => "医疗卫生", "Health care";
    Connectivity => "互联互通", "Connectivity";
    Institution => "机制建设", "Institution building";
    Media => "媒体人文", "Media and people-to-people exchange";
});

labels!(TimeOfDay {
    Morning => "上午", "morning";
    Noon => "中午", "noon";
    Afternoon => "下午", "afternoon";
    Dusk => "傍晚", "dusk";
    Evening => "晚", "evening";
});

labels!(Certainty {
    Stated => "文本所载", "stated";
    Derived => "推定", "derived";
});

labels!(ScoStatus {
    Member => "成员国", "Member State";
    Partner => "伙伴", "Partner";
    DialoguePartner => "对话伙伴", "Dialogue Partner";
    Observer => "观察员", "Observer";
    Guest => "嘉宾", "Guest";
    Organisation => "国际组织", "International organisation";
    Unknown => "身份不详", "Status not stated";
});

labels!(CountryKind {
    Country => "国家", "Country";
    Organisation => "国际组织", "International organisation";
});

labels!(DocumentKind {
    Declaration => "宣言", "Declaration";
    Strategy => "战略", "Strategy";
    Statement => "声明", "Statement";
    Agreement => "协定", "Agreement";
    Plan => "计划", "Plan";
    Programme => "纲要", "Programme";
    Initiative => "倡议", "Initiative";
    Proposal => "建议", "Proposal";
});

labels!(Qualifier {
    MoreThan => "多", "more than";
    Nearly => "近", "nearly";
    About => "约", "about";
});

impl Category {
    /// The name a table column shows: the label itself in Chinese (four characters), a word
    /// or two in English, where the labels run to five words.
    pub fn short_label(self, lang: crate::data::Lang) -> &'static str {
        use crate::data::Lang;
        match (lang, self) {
            (Lang::Zh, _) => self.label(lang),
            (Lang::En, Category::Platform) => "Platforms",
            (Lang::En, Category::Finance) => "Finance",
            (Lang::En, Category::Livelihood) => "Livelihood",
            (Lang::En, Category::Education) => "Education",
            (Lang::En, Category::Energy) => "Energy, green",
            (Lang::En, Category::Technology) => "Science, tech",
            (Lang::En, Category::Digital) => "Digital",
            (Lang::En, Category::Trade) => "Trade",
            (Lang::En, Category::Forum) => "Forums",
            (Lang::En, Category::Health) => "Health",
            (Lang::En, Category::Connectivity) => "Connectivity",
            (Lang::En, Category::Institution) => "Institutions",
            (Lang::En, Category::Media) => "Media, exchange",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_cjk(text: &str) -> bool {
        text.chars().any(|c| ('\u{3000}'..='\u{9FFF}').contains(&c))
    }

    #[test]
    fn every_label_is_chinese_in_chinese_and_free_of_chinese_in_english() {
        let tables = [
            EventKind::LABELS,
            InitiativeGroup::LABELS,
            Category::LABELS,
            TimeOfDay::LABELS,
            Certainty::LABELS,
            ScoStatus::LABELS,
            CountryKind::LABELS,
            DocumentKind::LABELS,
            Qualifier::LABELS,
        ];
        for (zh, en) in tables.into_iter().flatten() {
            assert!(has_cjk(zh), "{zh}");
            assert!(!en.is_empty() && !has_cjk(en), "{zh}: {en}");
        }
    }

    #[test]
    fn label_follows_the_language() {
        use crate::data::Lang;
        assert_eq!(Category::Trade.label(Lang::Zh), "经贸合作");
        assert_eq!(
            Category::Trade.label(Lang::En),
            "Economic and trade cooperation"
        );
        assert_eq!(TimeOfDay::Dusk.label(Lang::En), "dusk");
    }
}
