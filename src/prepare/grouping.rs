//! Splitting the registered municipalities into breakout groups: one set of
//! groups per stage of the 取組サイクル, sizes balanced within a range, one
//! prefecture spread over the groups, and (when asked) municipalities that
//! sat together in recent sittings split up. Pure and seeded: the same input
//! gives the same groups.

use std::collections::{BTreeMap, HashSet};

use super::columns::fold;
use crate::model::stage::{stage_key, stage_label};

/// A municipality to place.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Its name.
    pub name: String,
    /// Its stage, when known.
    pub stage: Option<String>,
    /// Its prefecture, when known.
    pub prefecture: Option<String>,
}

/// How to form the groups.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Form groups per stage (otherwise everyone in one pool).
    pub by_stage: bool,
    /// Smallest group wanted.
    pub min: usize,
    /// Largest group wanted.
    pub max: usize,
    /// Seed of the shuffle; [`default_seed`] derives one from the names.
    pub seed: u64,
}

/// Pairs of municipalities that sat in one group in a recent sitting.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PastPairs {
    pairs: HashSet<(String, String)>,
}

impl PastPairs {
    /// Records that everyone in `members` sat together.
    pub fn add_group<'a>(&mut self, members: impl IntoIterator<Item = &'a str>) {
        let names: Vec<String> = members.into_iter().map(fold).collect();
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                self.pairs.insert(ordered(a, b));
            }
        }
    }

    /// True when `a` and `b` sat together.
    pub fn sat_together(&self, a: &str, b: &str) -> bool {
        self.pairs.contains(&ordered(&fold(a), &fold(b)))
    }

    /// True when nothing was recorded.
    pub(crate) fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

fn ordered(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// One group formed.
#[derive(Debug, Clone, PartialEq)]
pub struct Formed {
    /// The stage label of the pool it was formed from (「①」), if any.
    pub stage: Option<String>,
    /// Indices into the candidates, in the order they were given.
    pub members: Vec<usize>,
    /// Pairs in this group from the same prefecture.
    pub same_prefecture: usize,
    /// Pairs in this group who sat together recently.
    pub repeats: usize,
}

/// One pool (a stage) and how it was split.
#[derive(Debug, Clone, PartialEq)]
pub struct Pool {
    /// The stage label, if any.
    pub(crate) stage: Option<String>,
    /// Municipalities in the pool.
    pub count: usize,
    /// The group sizes chosen.
    pub sizes: Vec<usize>,
    /// False when no split fits the size range (too few or awkward counts).
    pub fits: bool,
}

/// Groups and the pools they came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// Groups in order: pools by stage (①, ②, …, then unnamed), then formed order.
    pub groups: Vec<Formed>,
    /// One entry per pool.
    pub pools: Vec<Pool>,
}

/// A seed that depends only on the names, so the same roster gives the same groups.
pub fn default_seed(candidates: &[Candidate]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in candidates {
        for b in fold(&c.name).bytes().chain([0]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The group sizes for `n` in `min..=max`: as few groups as keep each within
/// `max`, balanced; `fits` is false when no count of groups can.
pub fn sizes(n: usize, min: usize, max: usize) -> (Vec<usize>, bool) {
    if n == 0 {
        return (vec![], true);
    }
    let max = max.max(1);
    let k = n.div_ceil(max);
    let base = n / k;
    let sizes: Vec<usize> = (0..k).map(|i| base + usize::from(i < n % k)).collect();
    let fits = sizes.iter().all(|s| (min..=max).contains(s));
    (sizes, fits)
}

/// Forms the groups.
pub fn assign(candidates: &[Candidate], past: &PastPairs, opts: Options) -> Assignment {
    // Numbered stages first in number order, then named ones, then none.
    type PoolKey = (u8, u64, String);
    let mut pools: BTreeMap<PoolKey, (Option<String>, Vec<usize>)> = BTreeMap::new();
    for (i, c) in candidates.iter().enumerate() {
        let stage = c.stage.as_deref().filter(|_| opts.by_stage);
        let key = match stage.and_then(stage_key) {
            Some(k) => match k.parse::<u64>() {
                Ok(n) => (0, n, String::new()),
                Err(_) => (1, 0, k),
            },
            None => (2, 0, String::new()),
        };
        let label = stage.map(stage_label);
        pools.entry(key).or_insert((label, vec![])).1.push(i);
    }
    let mut out = Assignment {
        groups: vec![],
        pools: vec![],
    };
    let mut rng = SplitMix(opts.seed);
    let costs = Costs::new(candidates, past);
    for (_, (stage, members)) in pools {
        let (sizes, fits) = sizes(members.len(), opts.min, opts.max);
        out.pools.push(Pool {
            stage: stage.clone(),
            count: members.len(),
            sizes: sizes.clone(),
            fits,
        });
        for g in split_pool(&costs, &members, &sizes, &mut rng) {
            let mut g = g;
            g.sort_unstable();
            out.groups.push(Formed {
                stage: stage.clone(),
                same_prefecture: prefecture_pairs(&costs, &g),
                repeats: repeat_pairs(&costs, &g),
                members: g,
            });
        }
    }
    out
}

/// Names and prefectures folded once, so the search compares plain strings.
struct Costs<'a> {
    names: Vec<String>,
    prefs: Vec<Option<String>>,
    past: &'a PastPairs,
}

impl<'a> Costs<'a> {
    fn new(c: &[Candidate], past: &'a PastPairs) -> Costs<'a> {
        Costs {
            names: c.iter().map(|x| fold(&x.name)).collect(),
            prefs: c
                .iter()
                .map(|x| x.prefecture.as_deref().map(fold))
                .collect(),
            past,
        }
    }

    fn same_prefecture(&self, a: usize, b: usize) -> bool {
        self.prefs[a].is_some() && self.prefs[a] == self.prefs[b]
    }

    fn repeat(&self, a: usize, b: usize) -> bool {
        !self.past.is_empty()
            && self
                .past
                .pairs
                .contains(&ordered(&self.names[a], &self.names[b]))
    }

    /// What adding `i` to `group` costs: a shared prefecture weighs more
    /// than a repeated pair, since spreading prefectures is the
    /// secretariat's first ask.
    fn with(&self, group: &[usize], i: usize) -> u32 {
        group
            .iter()
            .filter(|&&j| j != i)
            .map(|&j| 10 * u32::from(self.same_prefecture(i, j)) + 3 * u32::from(self.repeat(i, j)))
            .sum()
    }
}

/// Places a pool's members into groups of the given sizes: a seeded shuffle,
/// the most common prefectures first, each member where it costs least,
/// then swaps between groups while any swap lowers the cost.
fn split_pool(
    k: &Costs,
    members: &[usize],
    sizes: &[usize],
    rng: &mut SplitMix,
) -> Vec<Vec<usize>> {
    let mut order = members.to_vec();
    for i in (1..order.len()).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    let pref_count = |i: usize| members.iter().filter(|&&j| k.same_prefecture(i, j)).count();
    order.sort_by_key(|&i| std::cmp::Reverse(pref_count(i)));
    let mut groups: Vec<Vec<usize>> = sizes.iter().map(|_| vec![]).collect();
    for &i in &order {
        let best = (0..groups.len())
            .filter(|&g| groups[g].len() < sizes[g])
            .min_by_key(|&g| (k.with(&groups[g], i), groups[g].len(), g));
        if let Some(g) = best {
            groups[g].push(i);
        }
    }
    for _ in 0..200 {
        if !improve(k, &mut groups) {
            break;
        }
    }
    groups
}

/// Makes the first swap between two groups that lowers the cost.
fn improve(k: &Costs, groups: &mut [Vec<usize>]) -> bool {
    for a in 0..groups.len() {
        for b in a + 1..groups.len() {
            for i in 0..groups[a].len() {
                for j in 0..groups[b].len() {
                    let (x, y) = (groups[a][i], groups[b][j]);
                    // Costs within each group without the two swapped.
                    let before = k.with(&groups[a], x) + k.with(&groups[b], y);
                    // `with` counts x–y once on each side; they part.
                    let after = k.with(&groups[a], y) + k.with(&groups[b], x) - 2 * pair(k, x, y);
                    if after < before {
                        groups[a][i] = y;
                        groups[b][j] = x;
                        return true;
                    }
                }
            }
        }
    }
    false
}

/// What `x` and `y` cost when together.
fn pair(k: &Costs, x: usize, y: usize) -> u32 {
    10 * u32::from(k.same_prefecture(x, y)) + 3 * u32::from(k.repeat(x, y))
}

fn prefecture_pairs(k: &Costs, g: &[usize]) -> usize {
    pairs(g).filter(|&(a, b)| k.same_prefecture(a, b)).count()
}

fn repeat_pairs(k: &Costs, g: &[usize]) -> usize {
    pairs(g).filter(|&(a, b)| k.repeat(a, b)).count()
}

fn pairs(g: &[usize]) -> impl Iterator<Item = (usize, usize)> + '_ {
    g.iter()
        .enumerate()
        .flat_map(move |(i, &a)| g[i + 1..].iter().map(move |&b| (a, b)))
}

/// A small seeded generator (SplitMix64): enough for a fair shuffle, and the
/// same on every platform.
pub struct SplitMix(pub u64);

impl SplitMix {
    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Group ids in order: A, B, …, Z, AA, AB, …
pub(crate) fn group_letter(i: usize) -> String {
    let mut n = i + 1;
    let mut s = Vec::new();
    while n > 0 {
        n -= 1;
        s.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}
