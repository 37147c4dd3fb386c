//! The starter plan `bunkakai new <id>` writes when there is no past sitting
//! to copy: the format's complete example (docs/formats.md), every kind of
//! field present once, with the words of a real study session so it reads as
//! what to replace.

use serde_json::{Value, json};

/// The starter plan, titled and dated as asked.
pub(crate) fn starter(title: Option<&str>, date: Option<&str>, start: Option<&str>) -> Value {
    json!({
        "format": "bunkakai.session/1",
        "title": title.unwrap_or("第1回 自治体勉強会"),
        "date": date.unwrap_or("2026-01-20"),
        "start": start.unwrap_or("14:00"),
        "timezone": "Asia/Tokyo",
        "alerts_min": [5, 1],
        "broadcasts": [
            "残り5分です。まとめに入ってください。",
            "まもなく終了です。全体会場にお戻りください。"
        ],
        "agenda": [
            {"id": "briefing", "title": "事務局からの情報提供", "minutes": 5,
             "materials": "資料P2～", "points": ["今後の予定について 等"]},
            {"id": "exchange", "title": "自治体間の意見交換", "minutes": 45, "breakout": true,
             "materials": "資料P8～", "points": ["複数のグループに分かれて議論"],
             "segments": [{"title": "自己紹介", "minutes": 5},
                          {"title": "意見交換", "minutes": 35},
                          {"title": "まとめ", "minutes": 5}]},
            {"id": "report", "title": "各グループからの報告", "minutes": 6,
             "report": {"minutes_per_group": 3}}
        ],
        "themes": [
            {"id": "1", "title": "庁内の体制構築、目標設定について",
             "audience": "主に、取組の立ち上げや開始に課題を感じている自治体向け",
             "stages": ["①"],
             "questions": [
                 "取組の立ち上げや開始に課題を感じている主な要因は何か。",
                 {"text": "以下の要素の実施状況はどうか。",
                  "points": ["部署間での連携を強化する", "KPIや数値目標を設定する"]}
             ],
             "survey": ["この取組に参加して庁内で変わったこと"]},
            {"id": "2", "title": "セミナー等による企業の意識啓発について",
             "audience": "主に、実際の取組を実施中で、その中で課題を感じている自治体向け",
             "stages": ["③"],
             "questions": ["イベントの対象者をどう設定するか、効果的な集客方法"]}
        ],
        "groups": [
            {"id": "A", "label": "①", "themes": ["1"],
             "members": ["白鷹町", {"name": "佐野市", "prefecture": "栃木県", "stage": "①",
                                     "affiliation": "市民協働課", "role": "主査"}]},
            {"id": "B", "label": "③", "themes": ["2"],
             "members": ["函館市", "気仙沼市"]}
        ],
        "references": [
            {"id": "cycle", "title": "基本的な取組のサイクル",
             "body": "①課題分析・体制構築\n②取組の検討\n③取組の実施\n④検証・改善"}
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_is_a_valid_plan() {
        let bytes = serde_json::to_vec_pretty(&starter(None, None, None)).unwrap();
        let check = crate::model::read_plan(&bytes, "new");
        assert_eq!(check.problems, vec![]);
        assert!(check.plan.is_some());
    }
}
