//! The printed results list numbers its items on through the sections of a group: 主席国主要活动
//! holds 1–110 and 中方举办的其他活动 111–187. From the declared counts we know each section's
//! numbers, and so which of them the sources do not hold.

use std::collections::HashMap;
use std::ops::RangeInclusive;

use crate::data::model::Section;

/// Each section's numbers, in the order given.
pub(crate) fn ranges<'s>(
    sections: impl IntoIterator<Item = &'s Section>,
) -> Vec<RangeInclusive<u32>> {
    let mut next_in_group: HashMap<&str, u32> = HashMap::new();
    sections
        .into_iter()
        .map(|section| {
            let first = next_in_group.entry(section.group.as_str()).or_insert(1);
            let range = *first
                ..=first
                    .saturating_add(section.declared_count)
                    .saturating_sub(1);
            *first = first.saturating_add(section.declared_count);
            range
        })
        .collect()
}

/// The runs of numbers in `range` that are not in `present`, e.g. `[1..=23]`.
pub(crate) fn gaps(range: RangeInclusive<u32>, present: &[u32]) -> Vec<RangeInclusive<u32>> {
    let mut sorted = present.to_vec();
    sorted.sort_unstable();
    let mut gaps = Vec::new();
    let mut next = *range.start();
    for n in sorted.into_iter().filter(|n| range.contains(n)) {
        if n > next {
            gaps.push(next..=n - 1);
        }
        next = next.max(n.saturating_add(1));
    }
    if next <= *range.end() && !range.is_empty() {
        gaps.push(next..=*range.end());
    }
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_are_the_missing_runs() {
        assert_eq!(gaps(1..=110, &(24..=110).collect::<Vec<_>>()), vec![1..=23]);
        assert_eq!(gaps(50..=90, &[68, 69, 90]), vec![50..=67, 70..=89]);
        assert_eq!(gaps(1..=3, &[1, 2, 3]), Vec::<RangeInclusive<u32>>::new());
        assert_eq!(gaps(1..=3, &[]), vec![1..=3]);
    }
}
