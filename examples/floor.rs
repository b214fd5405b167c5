//! The floor: the least a ratatui program can do for one screen, to measure sco-dash
//! against (`scripts/measure.py`). It sets the terminal up as ratatui does, draws one
//! bordered block holding a wrapped Chinese paragraph, redraws with a counter on each key,
//! and leaves on `q`.

use crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::widgets::{Block, Paragraph, Wrap};

const TEXT: &str = "上海合作组织天津峰会于2025年8月31日至9月1日在天津举行。峰会发表《上海合作组织\
成员国元首理事会天津宣言》，批准《上海合作组织未来10年发展战略》，成果清单共313项。";

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let mut keys = 0u32;
    let result = loop {
        let drawn = terminal.draw(|frame| {
            let block = Block::bordered().title(format!(" 上海合作组织 {keys} "));
            let paragraph = Paragraph::new(TEXT).block(block).wrap(Wrap { trim: true });
            frame.render_widget(paragraph, frame.area());
        });
        if let Err(err) = drawn {
            break Err(err);
        }
        match event::read() {
            Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => {
                if key.code == KeyCode::Char('q') {
                    break Ok(());
                }
                keys += 1;
            }
            Ok(_) => {}
            Err(err) => break Err(err),
        }
    };
    ratatui::restore();
    result
}
