//! The last answer to an expensive question, kept with the question. Drawing a frame and
//! handling a key each ask for the pane's list several times; a search over the whole data
//! set must run once per change of query, filter or sort, not once per ask.

use std::collections::VecDeque;
use std::sync::{Mutex, PoisonError};

pub struct Memo<K, V> {
    last: Mutex<Option<(K, V)>>,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo {
            last: Mutex::new(None),
        }
    }
}

impl<K: PartialEq, V: Clone> Memo<K, V> {
    /// The answer for `key`: the kept one when the question is the same, else `compute`'s.
    pub fn get(&self, key: K, compute: impl FnOnce() -> V) -> V {
        let mut last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((kept, value)) = last.as_ref()
            && *kept == key
        {
            return value.clone();
        }
        let value = compute();
        *last = Some((key, value.clone()));
        value
    }
}

/// The last few answers to an expensive question, shared by everyone who asks it (every SSH
/// viewer of one catalog): at most `KEPT` are kept, the least recently asked forgotten first.
/// The answer is worked out outside the lock, so one asker never holds up the others.
pub struct Recent<K, V> {
    kept: Mutex<VecDeque<(K, V)>>,
}

const KEPT: usize = 32;

impl<K, V> Default for Recent<K, V> {
    fn default() -> Self {
        Recent {
            kept: Mutex::new(VecDeque::new()),
        }
    }
}

impl<K: PartialEq, V: Clone> Recent<K, V> {
    pub fn get(&self, key: K, compute: impl FnOnce() -> V) -> V {
        let lock = || self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        {
            let mut kept = lock();
            if let Some(entry) = kept
                .iter()
                .position(|(k, _)| *k == key)
                .and_then(|at| kept.remove(at))
            {
                let value = entry.1.clone();
                kept.push_front(entry);
                return value;
            }
        }
        let value = compute();
        let mut kept = lock();
        kept.push_front((key, value.clone()));
        kept.truncate(KEPT);
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn the_same_question_is_answered_once() {
        let memo = Memo::default();
        let runs = Cell::new(0);
        let ask = |key: &str| {
            memo.get(key.to_string(), || {
                runs.set(runs.get() + 1);
                key.len()
            })
        };
        assert_eq!((ask("ab"), ask("ab"), runs.get()), (2, 2, 1));
        assert_eq!((ask("abc"), runs.get()), (3, 2));
        assert_eq!(
            (ask("ab"), runs.get()),
            (2, 3),
            "only the last answer is kept"
        );
    }

    #[test]
    fn recent_answers_are_shared_and_bounded() {
        let recent = Recent::default();
        let runs = Cell::new(0);
        let ask = |key: usize| {
            recent.get(key, || {
                runs.set(runs.get() + 1);
                key * 2
            })
        };
        for key in 0..KEPT {
            assert_eq!(ask(key), key * 2);
        }
        assert_eq!(runs.get(), KEPT);
        // Asked again: kept, and now the most recent.
        assert_eq!(ask(0), 0);
        assert_eq!(runs.get(), KEPT);
        // One more pushes out the least recently asked (1), not 0.
        ask(KEPT);
        ask(0);
        assert_eq!(runs.get(), KEPT + 1);
        ask(1);
        assert_eq!(runs.get(), KEPT + 2);
        assert!(recent.kept.lock().unwrap().len() <= KEPT);
    }
}
