//! The printed names of the data's enums, in every language: one table per enum, so that no
//! variant has a label in one language and lacks it in another.

use crate::data::lang::labels;
use crate::data::model::{
    Category, CountryKind, DocumentKind, EventKind, InitiativeGroup, ScoStatus,
};
use crate::data::values::{Certainty, Qualifier, TimeOfDay};

labels!(EventKind {
    Summit => "峰会", "Summit", "Саммит";
    Meeting => "会见", "Meeting", "Встреча";
    Visit => "访问", "Visit", "Визит";
    Chairmanship => "主席国", "Chairmanship", "Председательство";
    Launch => "揭牌", "Launch", "Открытие";
    Initiative => "倡议", "Initiative", "Инициатива";
    Commemoration => "纪念", "Commemoration", "Памятная дата";
    Ceremony => "仪式", "Ceremony", "Церемония";
    Press => "发布", "Press", "Для прессы";
    Culture => "人文", "Culture", "Культура";
    Forum => "论坛", "Forum", "Форум";
    Period => "时期", "Period", "Период";
});

labels!(InitiativeGroup {
    Summit => "峰会倡议", "Summit initiatives", "Инициативы саммита";
    Other => "其他倡议", "Other initiatives", "Другие инициативы";
});

labels!(Category {
    Platform => "合作平台", "Cooperation platforms", "Платформы сотрудничества";
    Finance => "资金支持", "Financial support", "Финансовая поддержка";
    Livelihood => "民生项目", "Livelihood projects", "Проекты в социальной сфере";
    Education => "教育人才", "Education and talent", "Образование и кадры";
    Energy => "能源绿色", "Energy and green development", "Энергетика и зелёное развитие";
    Technology => "科技创新", "Science and technology innovation", "Научно-технические инновации";
    Digital => "数字经济", "Digital economy", "Цифровая экономика";
    Trade => "经贸合作", "Economic and trade cooperation", "Торгово-экономическое сотрудничество";
    Forum => "论坛", "Forums", "Форумы";
    Health => "医疗卫生", "Health care", "Здравоохранение";
    Connectivity => "互联互通", "Connectivity", "Взаимосвязанность";
    Institution => "机制建设", "Institution building", "Институциональное строительство";
    Media => "媒体人文", "Media and people-to-people exchange", "СМИ и гуманитарные обмены";
});

labels!(TimeOfDay {
    Morning => "上午", "morning", "утро";
    Noon => "中午", "noon", "полдень";
    Afternoon => "下午", "afternoon", "день";
    Dusk => "傍晚", "dusk", "под вечер";
    Evening => "晚", "evening", "вечер";
});

labels!(Certainty {
    Stated => "文本所载", "stated", "указана в текстах";
    Derived => "推定", "derived", "выведена";
});

labels!(ScoStatus {
    Member => "成员国", "Member State", "Государство-член";
    Partner => "伙伴", "Partner", "Партнёр";
    DialoguePartner => "对话伙伴", "Dialogue Partner", "Партнёр по диалогу";
    Observer => "观察员", "Observer", "Наблюдатель";
    Guest => "嘉宾", "Guest", "Гость";
    Organisation => "国际组织", "International organisation", "Международная организация";
    Unknown => "身份不详", "Status not stated", "Статус не указан";
});

labels!(CountryKind {
    Country => "国家", "Country", "Страна";
    Organisation => "国际组织", "International organisation", "Международная организация";
});

labels!(DocumentKind {
    Declaration => "宣言", "Declaration", "Декларация";
    Strategy => "战略", "Strategy", "Стратегия";
    Statement => "声明", "Statement", "Заявление";
    Agreement => "协定", "Agreement", "Соглашение";
    Plan => "计划", "Plan", "План";
    Programme => "纲要", "Programme", "Программа";
    Initiative => "倡议", "Initiative", "Инициатива";
    Proposal => "建议", "Proposal", "Предложение";
});

labels!(Qualifier {
    MoreThan => "多", "more than", "более";
    Nearly => "近", "nearly", "почти";
    About => "约", "about", "около";
});

impl Category {
    /// The name a table column shows: the label itself in Chinese (four characters), a word
    /// or two in English and Russian, where the labels run to five words.
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
            (Lang::Ru, Category::Platform) => "Платформы",
            (Lang::Ru, Category::Finance) => "Финансы",
            (Lang::Ru, Category::Livelihood) => "Соцсфера",
            (Lang::Ru, Category::Education) => "Образование",
            (Lang::Ru, Category::Energy) => "Энергетика",
            (Lang::Ru, Category::Technology) => "Наука, техника",
            (Lang::Ru, Category::Digital) => "Цифровизация",
            (Lang::Ru, Category::Trade) => "Торговля",
            (Lang::Ru, Category::Forum) => "Форумы",
            (Lang::Ru, Category::Health) => "Здоровье",
            (Lang::Ru, Category::Connectivity) => "Связанность",
            (Lang::Ru, Category::Institution) => "Институты",
            (Lang::Ru, Category::Media) => "СМИ, обмены",
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
    fn every_label_is_chinese_in_chinese_english_in_english_and_russian_in_russian() {
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
        for (zh, en, ru) in tables.into_iter().flatten() {
            assert!(has_cjk(zh), "{zh}");
            assert!(!en.is_empty() && !has_cjk(en), "{zh}: {en}");
            assert!(en.is_ascii(), "{zh}: {en}");
            let cyrillic = |c: char| ('\u{400}'..='\u{4ff}').contains(&c);
            assert!(
                ru.chars().all(|c| cyrillic(c) || " -".contains(c)),
                "{zh}: {ru}"
            );
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
        assert_eq!(
            Category::Trade.label(Lang::Ru),
            "Торгово-экономическое сотрудничество"
        );
        assert_eq!(DocumentKind::Declaration.label(Lang::Ru), "Декларация");
    }
}
