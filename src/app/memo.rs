//! The last answer to an expensive question, kept with the question. Drawing a frame and
//! handling a key each ask for the pane's list several times; a search over the whole data
//! set must run once per change of query, filter or sort, not once per ask.

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
}
