//! What each search-line key does, as the help says it (the actions' words are in their
//! table, `app::action`).

use crate::app::keymap::LineAction;

pub(super) fn describe_line_zh(action: LineAction) -> &'static str {
    match action {
        LineAction::Keep => "保留筛选 / 跳到结果",
        LineAction::Cancel => "清除并关闭",
        LineAction::Left => "光标左移一字",
        LineAction::Right => "光标右移一字",
        LineAction::Home => "到行首",
        LineAction::End => "到行尾",
        LineAction::DeleteBack => "删除前一个字",
        LineAction::DeleteForward => "删除后一个字",
        LineAction::Clear => "清空",
        LineAction::PreviousHit => "上一个结果（搜索全部）",
        LineAction::NextHit => "下一个结果（搜索全部）",
        LineAction::Quit => "退出",
    }
}

pub(super) fn describe_line_en(action: LineAction) -> &'static str {
    match action {
        LineAction::Keep => "keep the filter, jump to the hit",
        LineAction::Cancel => "clear and close",
        LineAction::Left => "caret left",
        LineAction::Right => "caret right",
        LineAction::Home => "start of the line",
        LineAction::End => "end of the line",
        LineAction::DeleteBack => "delete before the caret",
        LineAction::DeleteForward => "delete after the caret",
        LineAction::Clear => "clear the line",
        LineAction::PreviousHit => "previous hit (search everything)",
        LineAction::NextHit => "next hit (search everything)",
        LineAction::Quit => "quit",
    }
}

pub(super) fn describe_line_ru(action: LineAction) -> &'static str {
    match action {
        LineAction::Keep => "оставить фильтр, перейти к найденному",
        LineAction::Cancel => "сбросить и закрыть",
        LineAction::Left => "курсор влево",
        LineAction::Right => "курсор вправо",
        LineAction::Home => "в начало строки",
        LineAction::End => "в конец строки",
        LineAction::DeleteBack => "удалить символ перед курсором",
        LineAction::DeleteForward => "удалить символ после курсора",
        LineAction::Clear => "очистить строку",
        LineAction::PreviousHit => "предыдущее найденное (поиск везде)",
        LineAction::NextHit => "следующее найденное (поиск везде)",
        LineAction::Quit => "выйти",
    }
}
