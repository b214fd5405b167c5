//! The config file: what a user sets once (theme, colour, start tab, mouse, keys). Raw
//! `Option` fields are read with serde, each value checked inside `Deserialize` so that toml
//! reports a bad one at its line and column; the result is a plain, validated `Config`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::app::action::commands;
use crate::app::input::{key_notation, parse_keys};
use crate::app::{Action, Key, Tab};
use crate::ui::theme::{ColorChoice, ThemeChoice};

/// The documented default file up to its `[keys]` table, which `default_text` fills from the
/// table of actions.
const DEFAULT_SETTINGS: &str = include_str!("config/default.toml");

/// The documented default file, as `sco-dash config --print-default` prints it: the settings,
/// then every action with its built-in keys, commented out.
pub fn default_text() -> String {
    let mut text = DEFAULT_SETTINGS.to_string();
    for command in commands() {
        let keys: Vec<String> = command
            .keys
            .iter()
            .map(|key| format!("{:?}", key_notation(*key)))
            .collect();
        text.push_str(&format!("# {} = [{}]\n", command.name, keys.join(", ")));
    }
    text
}

/// The settings in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub theme: ThemeChoice,
    pub color: ColorChoice,
    pub ambiguous: AmbiguousSetting,
    pub language: Language,
    pub start_tab: Tab,
    pub mouse: bool,
    /// Seconds a paused tour waits without a key before it runs again; 0: never.
    pub tour_resume: u64,
    /// Actions given their own keys, in the file's order of action names.
    pub keys: Vec<(Action, Vec<Key>)>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: ThemeChoice::Auto,
            color: ColorChoice::Auto,
            ambiguous: AmbiguousSetting::Auto,
            language: Language::Auto,
            start_tab: Tab::Overview,
            mouse: true,
            tour_resume: 60,
            keys: Vec::new(),
        }
    }
}

/// How wide the terminal draws East Asian Ambiguous characters (`--ambiguous`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum AmbiguousSetting {
    /// Ask the terminal once at start: draw one and see where the cursor went.
    Auto,
    /// One cell (most terminals).
    Narrow,
    /// Two cells (CJK setups of iTerm2, VTE, xterm -cjk_width, PuTTY, mintty, WezTerm).
    Wide,
}

/// The language to read in: `auto` follows the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Auto,
    Zh,
    En,
    Ru,
}

impl Language {
    /// The language chosen: `--lang` first, then this setting, then the locale.
    pub fn choose(self, flag: Option<crate::data::Lang>) -> crate::data::Lang {
        use crate::data::Lang;
        flag.unwrap_or(match self {
            Language::Auto => Lang::from_env(),
            Language::Zh => Lang::Zh,
            Language::En => Lang::En,
            Language::Ru => Lang::Ru,
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    theme: Option<ThemeChoice>,
    color: Option<ColorChoice>,
    ambiguous: Option<AmbiguousSetting>,
    language: Option<Language>,
    start_tab: Option<TabName>,
    mouse: Option<bool>,
    tour_resume: Option<u64>,
    #[serde(default)]
    keys: BTreeMap<ActionName, ConfigKeys>,
}

/// A tab by its command-line name (`meetings`).
#[derive(Debug)]
struct TabName(Tab);

impl<'de> Deserialize<'de> for TabName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Tab::ALL
            .into_iter()
            .find(|tab| tab.name().eq_ignore_ascii_case(&name))
            .map(TabName)
            .ok_or_else(|| {
                let names: Vec<&str> = Tab::ALL.iter().map(|tab| tab.name()).collect();
                serde::de::Error::custom(format!(
                    "unknown tab `{name}`, expected one of {}",
                    names.join(", ")
                ))
            })
    }
}

/// An action by its name in `[keys]`.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct ActionName(&'static str);

impl<'de> Deserialize<'de> for ActionName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Action::from_name(&name)
            .map(|action| ActionName(action.name()))
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown action `{name}` (the actions are listed by `sco-dash config \
                     --print-default`)"
                ))
            })
    }
}

/// One key or a list of keys, each in `--keys` notation.
#[derive(Debug)]
struct ConfigKeys(Vec<Key>);

impl<'de> Deserialize<'de> for ConfigKeys {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            One(String),
            Many(Vec<String>),
        }
        let names = match OneOrMany::deserialize(deserializer)? {
            OneOrMany::One(name) => vec![name],
            OneOrMany::Many(names) => names,
        };
        let mut keys = Vec::new();
        for name in names {
            match parse_keys(&name)
                .map_err(serde::de::Error::custom)?
                .as_slice()
            {
                [key] => keys.push(*key),
                _ => {
                    return Err(serde::de::Error::custom(format!(
                        "`{name}` is not one key: write a key as \"q\", \"<C-c>\", \"<Enter>\", …"
                    )));
                }
            }
        }
        if keys.is_empty() {
            return Err(serde::de::Error::custom("an action needs at least one key"));
        }
        Ok(ConfigKeys(keys))
    }
}

impl Config {
    /// Reads a config file's text. The error is toml's own message: it quotes the line and
    /// marks the column.
    pub fn parse(text: &str) -> Result<Config, toml::de::Error> {
        let raw: RawConfig = toml::from_str(text)?;
        let defaults = Config::default();
        Ok(Config {
            theme: raw.theme.unwrap_or(defaults.theme),
            color: raw.color.unwrap_or(defaults.color),
            ambiguous: raw.ambiguous.unwrap_or(defaults.ambiguous),
            language: raw.language.unwrap_or(defaults.language),
            start_tab: raw.start_tab.map_or(defaults.start_tab, |t| t.0),
            mouse: raw.mouse.unwrap_or(defaults.mouse),
            tour_resume: raw.tour_resume.unwrap_or(defaults.tour_resume),
            keys: raw
                .keys
                .into_iter()
                .filter_map(|(name, keys)| Some((Action::from_name(name.0)?, keys.0)))
                .collect(),
        })
    }
}

/// Where the config file is looked for: `$XDG_CONFIG_HOME/sco-dash/config.toml`, or
/// `~/.config/sco-dash/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".config")))?;
    Some(base.join("sco-dash").join("config.toml"))
}

/// What reading the config file came to.
#[derive(Debug)]
pub enum ConfigRead {
    /// No file where the default path points: the defaults, silently.
    Absent,
    Read(Config),
    /// A file that could not be read or understood: what to tell the user.
    Broken(String),
}

/// Reads the config at `path`. A missing file is `Absent` only when it is the default path
/// (`explicit` false); a file named with `--config` must exist.
pub fn load(path: &Path, explicit: bool) -> ConfigRead {
    match std::fs::read_to_string(path) {
        Ok(text) => match Config::parse(&text) {
            Ok(config) => ConfigRead::Read(config),
            Err(err) => ConfigRead::Broken(format!("{}: {err}", path.display())),
        },
        Err(err) if err.kind() == std::io::ErrorKind::NotFound && !explicit => ConfigRead::Absent,
        Err(err) => ConfigRead::Broken(format!("{}: cannot read: {err}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::pane::Facet;

    #[test]
    fn the_documented_default_file_is_the_default() {
        let text = default_text();
        assert_eq!(Config::parse(&text).unwrap(), Config::default());
        // With its key lines uncommented it names every action once, with its own keys.
        let uncommented = text.replace("\n# ", "\n").replace("\n#\n", "\n");
        let uncommented: String = uncommented
            .lines()
            .filter(|l| !l.starts_with('#') && (l.contains('=') || l.starts_with('[')))
            .map(|l| format!("{l}\n"))
            .collect();
        let config = Config::parse(&uncommented).unwrap();
        assert_eq!(config.keys.len(), commands().len());
        for (action, keys) in &config.keys {
            assert_eq!(keys.as_slice(), action.command().keys, "{action:?}");
        }
    }

    #[test]
    fn every_setting_is_read() {
        let config = Config::parse(
            "theme = \"light\"\ncolor = \"16\"\nstart_tab = \"meetings\"\nmouse = false\n\
             [keys]\nquit = \"Q\"\nfilter_year = [\"<C-y>\", \"<Home>\"]\n",
        )
        .unwrap();
        assert_eq!(config.theme, ThemeChoice::Light);
        assert_eq!(config.color, ColorChoice::Ansi16);
        assert_eq!(config.start_tab, Tab::Meetings);
        assert!(!config.mouse);
        assert_eq!(
            config.keys,
            vec![
                (
                    Action::Filter(Facet::Year),
                    vec![Key::ctrl('y'), Key::plain(crate::app::KeyCode::Home)]
                ),
                (Action::Quit, vec![Key::char('Q')]),
            ]
        );
    }

    #[test]
    fn mistakes_are_reported_at_their_line_and_column() {
        for (text, line, says) in [
            (
                "mouse = true\ntheme = \"blue\"\n",
                2,
                "unknown variant `blue`",
            ),
            ("start_tab = \"map\"\n", 1, "unknown tab `map`"),
            ("\n\n[keys]\nfly = \"f\"\n", 4, "unknown action `fly`"),
            ("[keys]\nquit = \"qq\"\n", 2, "is not one key"),
            ("[keys]\nquit = \"<Nope>\"\n", 2, "unknown key <Nope>"),
            ("colour = \"16\"\n", 1, "unknown field `colour`"),
            ("theme = \"dark\"\ntheme = \"light\"\n", 2, "duplicate key"),
            ("mouse = yes\n", 1, "must be quoted"),
        ] {
            let err = Config::parse(text).unwrap_err();
            let message = err.to_string();
            assert!(message.contains(says), "{text:?}: {message}");
            assert!(
                message.contains(&format!("line {line}, column")),
                "{text:?}: {message}"
            );
        }
    }
}
