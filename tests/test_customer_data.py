"""Tests of custlearn.customer_data (lesson 01) against independent references.

References: ITU-T E.164 (numbering plan: country code + national number, at
most 15 digits) and E.161 (letters on the keypad: 2 ABC, 3 DEF, 4 GHI, 5 JKL,
6 MNO, 7 PQRS, 8 TUV, 9 WXYZ); RFC 5321 sec. 2.4 (domains are case-insensitive);
RFC 4231 (HMAC-SHA-256 test vectors); the Python docs of difflib
(SequenceMatcher("abcd", "bcde").ratio() == 0.75); datetime.strptime for dates.
Expected values are written by hand from these rules, never copied from the module.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import numpy as np
import pandas as pd
import pytest

from custlearn import DataError
from custlearn import customer_data as cd


# ------------------------------------------------------------------------------------------- phones

@pytest.mark.parametrize("raw, expected", [
    ("763-626-8741", "763-626-8741"),            # already canonical
    ("763.626.8741", "763-626-8741"),            # dots
    ("763 626 8741", "763-626-8741"),            # spaces
    ("7636268741", "763-626-8741"),              # digits only
    ("(763) 626-8741", "763-626-8741"),          # brackets
    ("+1 763 626 8741", "763-626-8741"),         # +1 country code
    ("+1-763-626-8741", "763-626-8741"),
    ("1 (763) 626-8741", "763-626-8741"),        # trunk 1, 11 digits
    ("001 763 626 8741", "763-626-8741"),        # 00 exit code (leading zeros)
    ("011 1 763 626 8741", "763-626-8741"),      # 011 North American exit code
    ("763-626-8741 ext. 204", "763-626-8741"),   # extension dropped
    ("763-626-8741 x204", "763-626-8741"),
    ("763.626.8741#9", "763-626-8741"),
    ("tel:+1-763-626-8741", "763-626-8741"),
    ("  763 - 626 - 8741  ", "763-626-8741"),
    ("1-800-FLOWERS", "800-356-9377"),           # E.161: F=3 L=5 O=6 W=9 E=3 R=7 S=7
    ("1-800-GOT-JUNK", "800-468-5865"),          # G=4 O=6 T=8 J=5 U=8 N=6 K=5
    ("７６３－６２６－８７４１", "763-626-8741"),  # full-width digits (Unicode NFKC)
])
def test_standardize_phone_reads_real_world_north_american_formats(raw, expected):
    assert cd.standardize_phone([raw]).tolist() == [expected]


@pytest.mark.parametrize("raw", ["626-8741", "763-626-87411", "12", "call me", "", "   ", "0"])
def test_standardize_phone_makes_impossible_numbers_missing(raw):
    assert cd.standardize_phone([raw]).isna().all()


def test_standardize_phone_other_countries_and_e164():
    # UK: trunk 0 dropped, code 44; China mobile, code 86; a foreign number keeps its own code
    assert cd.standardize_phone(["020 7946 0018", "+44 (0)20 7946 0018".replace("(0)", "")], country_code="44",
                                style="e164").tolist() == ["+442079460018", "+442079460018"]
    assert cd.standardize_phone(["138 1234 5678", "+86 138-1234-5678", "0086 13812345678"], country_code="86",
                                style="e164").tolist() == ["+8613812345678"] * 3
    assert cd.standardize_phone(["+44 20 7946 0018", "763.626.8741"]).tolist() == ["+442079460018", "763-626-8741"]
    assert cd.standardize_phone(["7636268741"], style="e164").tolist() == ["+17636268741"]


def test_standardize_phone_keeps_index_missing_values_and_reads_numbers():
    s = pd.Series(["763 626 8741", None, np.nan], index=[10, 20, 30], name="phone")
    out = cd.standardize_phone(s)
    assert out.index.tolist() == [10, 20, 30] and out.name == "phone"
    assert out.iloc[0] == "763-626-8741" and out.iloc[1:].isna().all()
    # phones read by a careless CSV import as floats
    assert cd.standardize_phone(pd.Series([7636268741.0, np.nan])).tolist()[0] == "763-626-8741"
    assert cd.standardize_phone([]).tolist() == []


@pytest.mark.parametrize("bad, words", [
    ("763-626-8741", "single str"),
    (pd.DataFrame({"phone": ["1"]}), "whole DataFrame"),
    (pd.Series([True, False]), "true/false"),
])
def test_standardize_phone_rejects_what_is_not_a_column(bad, words):
    with pytest.raises(DataError, match=words):
        cd.standardize_phone(bad)


def test_standardize_phone_rejects_bad_arguments():
    with pytest.raises(DataError, match="country calling code"):
        cd.standardize_phone(["1"], country_code="UK")
    with pytest.raises(DataError, match='style="pretty"'):
        cd.standardize_phone(["1"], style="pretty")


# ------------------------------------------------------------------------------------------- e-mails

@pytest.mark.parametrize("raw, expected", [
    ("ann.lee@example.com", "ann.lee@example.com"),
    ("Ann.Lee@Example.COM", "ann.lee@example.com"),       # case (RFC 5321 2.4: domain case-insensitive)
    ("ANN.LEE@EXAMPLE.COM", "ann.lee@example.com"),
    ("  ann.lee@example.com", "ann.lee@example.com"),     # leading spaces
    ("ann.lee@example.com \t", "ann.lee@example.com"),    # trailing whitespace
    ("ann.lee @ example.com", "ann.lee@example.com"),     # spaces inside
    ("mailto:ann.lee@example.com", "ann.lee@example.com"),
    ("MAILTO:Ann.Lee@example.com", "ann.lee@example.com"),
    ("ann.lee@example.com.", "ann.lee@example.com"),      # trailing dot (end of a sentence)
    ("ann.lee@example.com;", "ann.lee@example.com"),
    ("Ann Lee <ann.lee@example.com>", "ann.lee@example.com"),
    ('"ann.lee@example.com"', "ann.lee@example.com"),
    ("ａｎｎ＠ｅｘａｍｐｌｅ．ｃｎ", "ann@example.cn"),       # full-width (Chinese keyboard), NFKC
    ("ann+news@example.co.uk", "ann+news@example.co.uk"), # plus tag kept (provider rule not applied)
])
def test_standardize_email_reads_real_world_formats(raw, expected):
    assert cd.standardize_email([raw]).tolist() == [expected]


@pytest.mark.parametrize("raw", ["ann.lee", "ann@", "@example.com", "ann@example", "ann@@example.com",
                                 "ann@example.c", "", "n/a"])
def test_standardize_email_makes_non_addresses_missing(raw):
    assert cd.standardize_email([raw]).isna().all()


def test_standardize_email_keeps_index_and_missing():
    out = cd.standardize_email(pd.Series([None, " A@B.CO "], index=["x", "y"]))
    assert out.index.tolist() == ["x", "y"] and pd.isna(out["x"]) and out["y"] == "a@b.co"


def test_standardize_email_rejects_a_single_string():
    with pytest.raises(DataError, match="Wrap one value in a list"):
        cd.standardize_email("ann@x.com")


# ------------------------------------------------------------------------------------------- cities

def test_standardize_city_merges_case_spaces_accents_and_abbreviations():
    raw = ["Saint Louis", "saint louis", "ST. LOUIS", "St Louis ", "Saint  Louis", "Fort Worth", "Ft. Worth",
           "Mt. Vernon", "Mount Vernon", "São Paulo", "SAO PAULO", "sao paulo", "São Paulo", "Greenport",
           "GREENPORT", "greenport ", "Greenport", "N. Michaeltown", "North Michaeltown", None, "   "]
    out = cd.standardize_city(raw).tolist()
    assert out[:5] == ["Saint Louis"] * 5
    assert out[5:7] == ["Fort Worth"] * 2
    assert set(out[7:9]) == {out[7]} and out[7] in ("Mt. Vernon", "Mount Vernon")  # one spelling, from the data
    assert out[9:13] == ["São Paulo"] * 4          # accents kept: the most common spelling wins
    assert out[13:17] == ["Greenport"] * 4
    assert out[17] == out[18]
    assert pd.isna(out[19]) and pd.isna(out[20])


def test_standardize_city_keeps_irregular_capitals_and_title_cases_lost_case():
    assert cd.standardize_city(["McAllen", "MCALLEN", "mcallen"]).tolist() == ["McAllen"] * 3
    assert cd.standardize_city(["wolfetown", "WOLFETOWN"]).tolist() == ["Wolfetown"] * 2


def test_standardize_city_aliases():
    out = cd.standardize_city(["NYC", "new york", "New York", "北京", "Beijing"],
                              aliases={"nyc": "New York", "北京": "Beijing"}).tolist()
    assert out == ["New York", "New York", "New York", "Beijing", "Beijing"]
    with pytest.raises(DataError, match="aliases must be a dict"):
        cd.standardize_city(["a"], aliases=["NYC"])


def test_standardize_city_all_missing_and_empty():
    assert cd.standardize_city([None, None]).isna().all()
    assert cd.standardize_city([]).tolist() == []


# ------------------------------------------------------------------------------------------- names and dates

def test_standardize_name_rules():
    out = cd.standardize_name(["SMITH, JOHN", "john  smith", " John Smith ", "Mary-Ann O'NEIL", "Ann McDonald",
                               None]).tolist()
    assert out[:3] == ["John Smith"] * 3
    assert out[3] == "Mary-Ann O'NEIL"   # mixed case is kept as typed
    assert out[4] == "Ann McDonald" and pd.isna(out[5])


def test_parse_dates_against_strptime():
    texts = ["2024-03-05", "05 Mar 2024", "03/05/2024", "05.03.2024", "5 March 2024", "Mar 5, 2024", "20240305",
             "2024/03/05", "2024年03月05日"]
    expected = dt.datetime.strptime("2024-03-05", "%Y-%m-%d")
    out = cd.parse_dates(texts)
    assert (out == expected).all()
    # the ambiguous slash date, read the other way when asked
    assert cd.parse_dates(["03/05/2024"], slash="day_first").iloc[0] == dt.datetime.strptime("03/05/2024", "%d/%m/%Y")
    assert cd.parse_dates(["31/12/2024"]).isna().all()  # no 31st month: not silently guessed
    assert cd.parse_dates(["later", None, "2024-02-30"]).isna().all()
    with pytest.raises(DataError, match="slash"):
        cd.parse_dates(["2024-01-01"], slash="guess")


def test_parse_dates_returns_datetimes_unchanged():
    s = pd.Series(pd.to_datetime(["2024-01-01"]))
    assert cd.parse_dates(s) is s


# ------------------------------------------------------------------------------------------- profile

def test_profile_counts_and_flags_by_hand():
    df = pd.DataFrame({
        "phone": ["763-626-8741", "763.626.8742", "7636268743", None],
        "city": ["Greenport", "GREENPORT", "greenport ", "Wolfetown"],
        "age": [34, 7, 150, None],
        "order_date": ["2024-01-05", "05 Jan 2024", "2090-01-01", "2024-02-01"],
        "amount": [10.0, -5.0, 3.0, 4.0],
        "signed": pd.to_datetime(["2024-01-01", "1990-01-01", "2024-05-05", None]),
    })
    p = cd.profile(df, window=("2024-01-01", "2025-12-31"))
    assert p.loc["phone", "missing"] == 1 and p.loc["phone", "missing_share"] == 0.25
    assert p.loc["city", "distinct"] == 4
    assert "mixed formats: 3 shapes" in p.loc["phone", "flags"]
    assert "stray spaces: 1" in p.loc["city", "flags"]
    assert "1 ALL CAPS, 1 lower case, 2 Mixed" in p.loc["city", "flags"]
    assert "out of range: 2 outside 18 to 100" in p.loc["age", "flags"]
    assert "out of range: 1 below 0" in p.loc["amount", "flags"]
    assert "outside window: 1" in p.loc["order_date", "flags"]
    assert "outside window: 1" in p.loc["signed", "flags"]
    assert list(p.columns) == ["dtype", "missing", "missing_share", "distinct", "examples", "flags"]


def test_profile_of_a_clean_and_an_empty_table():
    p = cd.profile(pd.DataFrame({"customer_id": [1, 2], "age": [30, 40]}))
    assert (p["flags"] == "").all()
    e = cd.profile(pd.DataFrame({"a": pd.Series([], dtype=float)}))
    assert e.loc["a", "missing"] == 0 and e.loc["a", "missing_share"] == 0.0


def test_profile_bad_input():
    with pytest.raises(DataError, match="must be a pandas DataFrame"):
        cd.profile([1, 2])
    with pytest.raises(DataError, match='"weight" is not in'):
        cd.profile(pd.DataFrame({"age": [1]}), ranges={"weight": (0, 1)})
    with pytest.raises(DataError, match="window must be two dates"):
        cd.profile(pd.DataFrame({"age": [1]}), window="2024")
    with pytest.raises(DataError, match="before it starts"):
        cd.profile(pd.DataFrame({"age": [1]}), window=("2025-01-01", "2024-01-01"))
    with pytest.raises(DataError, match="ranges must be a dict"):
        cd.profile(pd.DataFrame({"age": [1]}), ranges=[(0, 1)])


# ------------------------------------------------------------------------------------------- duplicates

def test_name_similarity_reference_values():
    # difflib docs: SequenceMatcher(None, "abcd", "bcde").ratio() == 0.75 (M = 3 of T = 8)
    assert cd.name_similarity(["abcd"], ["bcde"]).iloc[0] == pytest.approx(0.75)
    # by hand: "ann lee" vs "ann lea" -> M = 6 ("ann le"), T = 14 -> 12/14
    assert cd.name_similarity(["Ann Lee"], ["ann lea"]).iloc[0] == pytest.approx(12 / 14)
    assert cd.name_similarity(["LEE, ANN"], ["Ann  Lee"]).iloc[0] == 1.0
    assert np.isnan(cd.name_similarity([None], ["Ann"]).iloc[0])
    with pytest.raises(DataError, match="equally long"):
        cd.name_similarity(["a", "b"], ["a"])


def _people():
    """A hand-made customer file: records 1=2=7 (one person, three records) and 3=4 are true duplicates;
    5 shares Ann Lee's name but is another person; 6 shares a family phone with 3 but is another person."""
    return pd.DataFrame({
        "customer_id": [1, 2, 3, 4, 5, 6, 7, 8],
        "name": ["Ann Lee", "LEE, ANN", "Bob Stone", "bob  stone", "Ann Lee", "Rita Stone", "ann lee", "Carl Diaz"],
        "email": ["ann@x.com", " ANN@X.COM ", "bob@y.com", None, "ann.lee@z.com", "rita@y.com", "mailto:ann@x.com",
                  "carl@w.com"],
        "phone": ["763-626-8741", None, "701.555.0100", "+1 701 555 0100", "702-555-0199", "701-555-0100",
                  "(763) 626 8741", "703-555-0142"],
        "city": ["Greenport", "greenport", "Wolfetown", "WOLFETOWN", "Lake Kyle", "Wolfetown", "Greenport ",
                 "Port David"],
        "signup_date": ["2024-01-05", "2024-06-01", "2024-02-01", "2024-03-01", "2024-01-20", "2024-02-02",
                        "2024-09-09", "2024-04-04"],
    })


TRUE_PAIRS = {(1, 2), (1, 7), (2, 7), (3, 4)}


def test_find_duplicates_finds_the_known_pairs_and_no_false_pair():
    pairs = cd.find_duplicates(_people())
    merged = pairs[pairs["decision"] == "merge"]
    assert set(zip(merged["id_1"], merged["id_2"])) == TRUE_PAIRS
    # the same name (5) and the family phone (6) are listed for review, never merged
    review = set(zip(pairs.loc[pairs["decision"] == "review", "id_1"], pairs.loc[pairs["decision"] == "review", "id_2"]))
    assert {(1, 5), (3, 6)} <= review
    assert not review & TRUE_PAIRS
    assert (8 not in set(pairs["id_1"]) | set(pairs["id_2"]))
    row = pairs[(pairs["id_1"] == 3) & (pairs["id_2"] == 4)].iloc[0]
    assert row["phone_match"] and not row["email_match"] and row["same_city"] and row["name_similarity"] == 1.0
    assert row["evidence"] == "phone + name"
    assert list(pairs.columns) == ["id_1", "id_2", "name_1", "name_2", "email_match", "phone_match",
                                   "name_similarity", "same_city", "evidence", "decision"]


def test_find_duplicates_threshold_and_optional_columns():
    strict = cd.find_duplicates(_people(), name_threshold=1.0)
    assert (1, 5) in set(zip(strict["id_1"], strict["id_2"]))  # identical names are listed even at 1.0
    only_names = cd.find_duplicates(_people(), email_col=None, phone_col=None, city_col=None)
    assert (only_names["decision"] == "review").all()
    assert not only_names["same_city"].any()


def test_find_duplicates_edge_cases():
    one = _people().head(1)
    assert cd.find_duplicates(one).empty
    assert cd.find_duplicates(_people().head(0)).empty
    nobody = cd.find_duplicates(_people().iloc[[0, 2, 7]])
    assert nobody.empty


@pytest.mark.parametrize("kwargs, words", [
    ({"name_threshold": 1.5}, "name_threshold must be a fraction from 0 to 1"),
    ({"key_name_threshold": -0.1}, "key_name_threshold"),
    ({"name_threshold": True}, "name_threshold"),
    ({"email_col": "mail"}, 'email_col="<your column name>"'),
])
def test_find_duplicates_bad_arguments(kwargs, words):
    with pytest.raises(DataError, match=words):
        cd.find_duplicates(_people(), **kwargs)


def test_find_duplicates_rejects_repeated_ids_and_non_frames():
    people = _people()
    people.loc[1, "customer_id"] = 1
    with pytest.raises(DataError, match=r'1 repeated id\(s\) in "customer_id"'):
        cd.find_duplicates(people)
    with pytest.raises(DataError, match="must be a pandas DataFrame"):
        cd.find_duplicates("customers.csv")


def test_survivor_map_joins_chains_and_keeps_the_oldest_record():
    pairs = pd.DataFrame({"id_1": [1, 2, 3], "id_2": [2, 7, 4]})
    ids = cd.survivor_map(_people(), pairs).set_index("customer_id")["survivor_id"]
    assert ids.to_dict() == {1: 1, 2: 1, 3: 3, 4: 3, 5: 5, 6: 6, 7: 1, 8: 8}
    # without dates the lowest id survives
    later_first = pd.DataFrame({"customer_id": [9, 4], "signup_date": ["2024-01-01", "2024-05-01"]})
    assert cd.survivor_map(later_first, pd.DataFrame({"id_1": [4], "id_2": [9]}))["survivor_id"].tolist() == [9, 9]
    assert cd.survivor_map(later_first, pd.DataFrame({"id_1": [4], "id_2": [9]}),
                           signup_col=None)["survivor_id"].tolist() == [4, 4]


def test_survivor_map_bad_input():
    with pytest.raises(DataError, match="not in the customers table"):
        cd.survivor_map(_people(), pd.DataFrame({"id_1": [1], "id_2": [99]}))
    with pytest.raises(DataError, match='"id_2" is not in the pairs'):
        cd.survivor_map(_people(), pd.DataFrame({"id_1": [1]}))


def test_merge_duplicates_survivorship():
    people = _people()
    pairs = cd.find_duplicates(people)
    merged = cd.merge_duplicates(people, pairs[pairs["decision"] == "merge"])
    assert merged["customer_id"].tolist() == [1, 3, 5, 6, 8]
    ann = merged.set_index("customer_id").loc[1]
    assert ann["name"] == "Ann Lee" and ann["signup_date"] == "2024-01-05" and ann["records_merged"] == 3
    bob = merged.set_index("customer_id").loc[3]
    assert bob["email"] == "bob@y.com" and bob["records_merged"] == 2
    # a missing value of the survivor is filled from the other record
    people.loc[people["customer_id"] == 3, "email"] = None
    people.loc[people["customer_id"] == 4, "email"] = "bob@y.com"
    again = cd.merge_duplicates(people, pd.DataFrame({"id_1": [3], "id_2": [4]})).set_index("customer_id")
    assert again.loc[3, "email"] == "bob@y.com"
    assert list(cd.merge_duplicates(people, pairs.head(0)).columns) == [*people.columns, "records_merged"]
    assert len(cd.merge_duplicates(people, pairs.head(0))) == len(people)


# ------------------------------------------------------------------------------------------- single customer view

def _tables():
    customers = pd.DataFrame({"customer_id": [1, 2, 3], "name": ["A", "B", "C"], "email": ["a@x.co"] * 3,
                              "signup_date": pd.to_datetime(["2024-01-01", "2024-01-15", "2024-03-01"]),
                              "city": ["X", "Y", "X"], "age": [30, 40, 50]})
    orders = pd.DataFrame({
        "order_id": [1, 2, 3, 4, 5],
        "customer_id": [1, 1, 2, 1, 2],
        "order_date": pd.to_datetime(["2024-01-10", "2024-02-10", "2024-02-01", "2024-03-20", "2024-05-01"]),
        "amount": [10.0, 20.0, 15.5, 30.0, 99.0],
        "returned": [False, True, False, False, False],
        "margin": [3.0, 6.0, 5.0, 9.0, 30.0],
    })
    surveys = pd.DataFrame({"response_id": [1, 2, 3], "customer_id": [1, 1, 2],
                            "survey_date": pd.to_datetime(["2024-01-20", "2024-03-25", "2024-02-05"]),
                            "overall_satisfaction": [2, 5, 4], "likely_to_recommend": [3, 10, 8]})
    tickets = pd.DataFrame({"ticket_id": [1, 2, 3], "customer_id": [1, 1, 3],
                            "opened_at": pd.to_datetime(["2024-02-11 10:00", "2024-03-21 09:00", "2024-03-02 12:00"]),
                            "is_complaint": [True, False, True], "resolved": [True, True, False]})
    return customers, orders, surveys, tickets


def test_single_customer_view_by_hand():
    customers, orders, surveys, tickets = _tables()
    view = single = cd.single_customer_view({"customers": customers, "orders": orders, "surveys": surveys,
                                             "tickets": tickets}, as_of="2024-03-31")
    assert single.index.tolist() == [1, 2, 3] and view.index.name == "customer_id"
    a = view.loc[1]
    # customer 1: orders on 10 Jan, 10 Feb (returned), 20 Mar; 10 + 20 + 30 = 60
    assert a["orders"] == 3 and a["revenue"] == 60.0 and a["average_order"] == 20.0
    assert a["first_order"] == pd.Timestamp("2024-01-10") and a["last_order"] == pd.Timestamp("2024-03-20")
    assert a["returns"] == 1 and a["return_rate"] == pytest.approx(1 / 3) and a["margin"] == 18.0
    assert a["days_since_last_order"] == 11 and a["tenure_days"] == 90
    assert a["surveys"] == 2 and a["last_satisfaction"] == 5 and a["last_recommend"] == 10
    assert a["tickets"] == 2 and a["complaints"] == 1 and a["unresolved_complaints"] == 0
    b = view.loc[2]  # the May order is after as_of: left out
    assert b["orders"] == 1 and b["revenue"] == 15.5 and b["last_satisfaction"] == 4 and b["tickets"] == 0
    c = view.loc[3]  # no orders, no survey, one unresolved complaint
    assert c["orders"] == 0 and c["revenue"] == 0 and pd.isna(c["last_order"]) and np.isnan(c["average_order"])
    assert c["surveys"] == 0 and np.isnan(c["last_satisfaction"]) and c["unresolved_complaints"] == 1
    # data minimisation: no name or e-mail by default
    assert "name" not in view.columns and "email" not in view.columns and "city" in view.columns


def test_single_customer_view_without_surveys_and_tickets_and_own_columns():
    customers, orders, _, _ = _tables()
    view = cd.single_customer_view(customers=customers.rename(columns={"customer_id": "cid"}),
                                   orders=orders.rename(columns={"customer_id": "cid", "amount": "paid",
                                                                 "order_date": "day"}),
                                   customer_col="cid", amount_col="paid", date_col="day", keep=["name"])
    assert view.index.name == "cid" and "surveys" not in view.columns and "tickets" not in view.columns
    assert view.loc[2, "revenue"] == 114.5  # as_of = last order date: the May order counts
    assert view.loc[1, "name"] == "A"


def test_single_customer_view_bad_input():
    customers, orders, surveys, _ = _tables()
    with pytest.raises(DataError, match="needs the customers and orders"):
        cd.single_customer_view(customers=customers)
    with pytest.raises(DataError, match='"amount" is not in the orders'):
        cd.single_customer_view(customers=customers, orders=orders.drop(columns="amount"))
    dup = pd.concat([customers, customers.head(1)])
    with pytest.raises(DataError, match=r'customers table has 1 repeated id\(s\) in "customer_id"'):
        cd.single_customer_view(customers=dup, orders=orders)
    bad = orders.assign(order_date=["2024-01-10", "someday", "2024-02-01", "2024-03-20", "2024-05-01"])
    with pytest.raises(DataError, match="cannot be read as a date"):
        cd.single_customer_view(customers=customers, orders=bad)
    with pytest.raises(DataError, match='"survey_date" is not in the surveys'):
        cd.single_customer_view(customers=customers, orders=orders, surveys=surveys.drop(columns="survey_date"))
    with pytest.raises(DataError, match="as_of"):
        cd.single_customer_view(customers=customers, orders=orders, as_of="not a date")


def _all_tables(**changes):
    customers, orders, surveys, tickets = _tables()
    tables = {"customers": customers, "orders": orders, "surveys": surveys, "tickets": tickets}
    for name, columns in changes.items():
        tables[name] = tables[name].assign(**columns)
    return tables


def _view(tables, **kwargs):
    return cd.single_customer_view(tables, as_of="2024-03-31", **kwargs)


def test_single_customer_view_every_column_can_be_named_by_the_caller():
    default = _view(_all_tables())
    customers, orders, surveys, tickets = _tables()
    names = {"customer_id": "cid", "signup_date": "joined", "order_date": "day", "amount": "paid",
             "returned": "sent_back", "margin": "profit", "survey_date": "asked", "response_id": "answer",
             "overall_satisfaction": "csat", "likely_to_recommend": "nps", "opened_at": "opened",
             "is_complaint": "complaint", "resolved": "closed"}
    renamed = {name: table.rename(columns=names) for name, table in
               {"customers": customers, "orders": orders, "surveys": surveys, "tickets": tickets}.items()}
    got = cd.single_customer_view(renamed, as_of="2024-03-31", keep=["joined", "city", "age"],
                                  customer_col="cid", signup_col="joined", date_col="day", amount_col="paid",
                                  returned_col="sent_back", margin_col="profit", survey_date_col="asked",
                                  response_col="answer", satisfaction_col="csat", recommend_col="nps",
                                  opened_col="opened", complaint_col="complaint", resolved_col="closed")
    expected = default[["signup_date", "city", "age", *default.columns[3:]]].rename(columns={"signup_date": "joined"})
    expected.index.name = "cid"
    pd.testing.assert_frame_equal(got, expected)


def test_single_customer_view_optional_columns_named_wrong_or_left_out():
    with pytest.raises(DataError, match='The column "profit" is not in the orders table.*pass margin_col='):
        _view(_all_tables(), margin_col="profit")
    with pytest.raises(DataError, match='The column "csat" is not in the surveys table.*pass satisfaction_col='):
        _view(_all_tables(), satisfaction_col="csat")
    view = _view(_all_tables(), margin_col=None, returned_col=None, recommend_col=None, resolved_col=None)
    assert "margin" not in view and "last_recommend" not in view and "unresolved_complaints" not in view
    assert (view["returns"] == 0).all() and view.loc[3, "complaints"] == 1


def test_single_customer_view_text_amounts_are_an_error_with_the_readers_wording():
    from custlearn._tables import read_orders

    bad = _all_tables(orders={"amount": ["10", "20", "15.5", "30", "ninety-nine"]})
    with pytest.raises(DataError) as view_error:
        _view(bad)
    with pytest.raises(DataError) as reader_error:
        read_orders(bad["orders"], amount_col="amount")
    assert str(view_error.value) == str(reader_error.value)
    assert str(view_error.value).startswith('The column "amount" of the orders table holds text')


def test_single_customer_view_missing_dates_and_refunds():
    gap = _all_tables(orders={"order_date": pd.to_datetime(["2024-01-10", None, "2024-02-01", "2024-03-20",
                                                             "2024-05-01"])})
    with pytest.raises(DataError, match=r'"order_date" of the orders table has 1 missing date\(s\) \(first at row 1\)'):
        _view(gap)
    refund = _all_tables(orders={"amount": [10.0, -20.0, 15.5, 30.0, 99.0]})
    with pytest.raises(DataError, match="pass allow_refunds=True"):
        _view(refund)
    assert _view(refund, allow_refunds=True).loc[1, "revenue"] == 10 - 20 + 30
    with pytest.raises(DataError, match='allow_refunds must be True or False, but "yes"'):
        _view(refund, allow_refunds="yes")
    # a customer without a sign-up date keeps the row, without a tenure
    unknown = _all_tables(customers={"signup_date": pd.to_datetime(["2024-01-01", None, "2024-03-01"])})
    view = _view(unknown)
    assert np.isnan(view.loc[2, "tenure_days"]) and view.loc[1, "tenure_days"] == 90


def test_single_customer_view_timezone_aware_and_text_dates_equal_naive_dates():
    expected = _view(_all_tables())
    customers, orders, surveys, tickets = _tables()

    def shanghai(s):
        return s.dt.tz_localize("Asia/Shanghai")

    aware = _all_tables(customers={"signup_date": shanghai(customers["signup_date"])},
                        orders={"order_date": shanghai(orders["order_date"])},
                        surveys={"survey_date": shanghai(surveys["survey_date"])},
                        tickets={"opened_at": shanghai(tickets["opened_at"])})
    pd.testing.assert_frame_equal(_view(aware), expected)
    text = _all_tables(customers={"signup_date": customers["signup_date"].dt.strftime("%Y-%m-%d")},
                       orders={"order_date": orders["order_date"].dt.strftime("%Y-%m-%d")},
                       surveys={"survey_date": surveys["survey_date"].dt.strftime("%Y-%m-%d")},
                       tickets={"opened_at": tickets["opened_at"].dt.strftime("%Y-%m-%d %H:%M")})
    pd.testing.assert_frame_equal(_view(text), expected, check_dtype=False)


def test_single_customer_view_categorical_and_nullable_ids_equal_plain_ids():
    expected = _view(_all_tables())
    customers, orders, surveys, tickets = _tables()
    odd = _all_tables(customers={"customer_id": customers["customer_id"].astype("Int64")},
                      orders={"customer_id": orders["customer_id"].astype("category")},
                      surveys={"customer_id": surveys["customer_id"].astype(float)},
                      tickets={"customer_id": tickets["customer_id"].astype("Int64")})
    pd.testing.assert_frame_equal(_view(odd), expected)


def test_single_customer_view_counts_tickets_of_the_whole_as_of_day():
    late = pd.DataFrame({"ticket_id": [4, 5], "customer_id": [2, 2],
                         "opened_at": pd.to_datetime(["2024-03-31 18:00", "2024-04-01 00:00"]),
                         "is_complaint": [True, True], "resolved": [False, False]})
    tables = _all_tables()
    tables["tickets"] = pd.concat([tables["tickets"], late], ignore_index=True)
    view = _view(tables)
    assert view.loc[2, "tickets"] == 1 and view.loc[2, "unresolved_complaints"] == 1
    assert view.loc[2, "last_ticket"] == pd.Timestamp("2024-03-31 18:00")


# ------------------------------------------------------------------------------------------- new scalar checks

@pytest.mark.parametrize("call, words", [
    (lambda: cd.profile(_people(), examples=-1), "examples must be a whole number of at least 0, but -1 was given"),
    (lambda: cd.profile(pd.DataFrame({"age": [1]}), ranges={"age": (18,)}), r"ranges\['age'\] must be two numbers"),
    (lambda: cd.profile(pd.DataFrame({"age": [1]}), ranges={"age": ("18", 100)}),
     r"ranges\['age'\] must be two numbers \(low, high\), e.g. {'age': \(18, 100\)}; use None for no limit, "
     r"but \('18', 100\) was given"),
    (lambda: cd.pseudonymize(pd.DataFrame({"email": ["a@b.co"]}), "email", key=KEY, prefix=5), "prefix is the text"),
    (lambda: cd.pseudonymize(pd.DataFrame({"email": ["a@b.co"]}), "email", key=KEY, length=16.5),
     "length must be a whole number from 8 to 64, but 16.5 was given"),
    (lambda: cd.find_duplicates(_people(), key_name_threshold="0.8"),
     r'key_name_threshold must be a fraction from 0 to 1, e.g. key_name_threshold=0.8, but "0.8" \(text\) was given'),
])
def test_scalar_arguments_are_checked_with_one_wording(call, words):
    with pytest.raises(DataError, match=words):
        call()


def test_duplicates_with_categorical_ids_equal_plain_ids():
    people = _people()
    plain = cd.find_duplicates(people)
    pd.testing.assert_frame_equal(cd.find_duplicates(people.assign(customer_id=people["customer_id"].astype("category"))),
                                  plain)
    odd = people.assign(customer_id=people["customer_id"].astype(float))
    accepted = plain[plain["decision"] == "merge"]
    pd.testing.assert_frame_equal(cd.survivor_map(odd, accepted), cd.survivor_map(people, accepted))
    with pytest.raises(DataError, match=r'"customer_id" of the customers table has 1 missing id\(s\)'):
        cd.find_duplicates(people.assign(customer_id=people["customer_id"].astype(float).where(people.index != 3)))


# ------------------------------------------------------------------------------------------- pseudonymisation

KEY = "a-test-key-of-more-than-16-bytes"


def test_pseudonymize_matches_the_rfc_4231_test_vector():
    # RFC 4231, test case 6: key = 0xaa repeated 131 times,
    # data = "Test Using Larger Than Block-Size Key - Hash Key First"
    df = pd.DataFrame({"x": ["Test Using Larger Than Block-Size Key - Hash Key First"]})
    out = cd.pseudonymize(df, "x", key=b"\xaa" * 131, length=64)
    assert out.loc[0, "x"] == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"


def test_pseudonymize_is_stable_per_key_and_different_across_keys():
    df = pd.DataFrame({"email": ["ann@x.com", "bob@y.com", "ann@x.com", None], "age": [30, 40, 30, 50],
                       "customer_id": [1, 2, 1, 3]})
    a1 = cd.pseudonymize(df, ["email", "customer_id"], key=KEY)
    a2 = cd.pseudonymize(df, ["email", "customer_id"], key=KEY)
    b = cd.pseudonymize(df, ["email", "customer_id"], key=KEY + "-other")
    pd.testing.assert_frame_equal(a1, a2)                       # stable
    assert a1.loc[0, "email"] == a1.loc[2, "email"] != a1.loc[1, "email"]
    assert (a1["email"].iloc[:3] != b["email"].iloc[:3]).all()  # another key, other tokens
    assert pd.isna(a1.loc[3, "email"])                          # missing stays missing
    assert a1["age"].tolist() == [30, 40, 30, 50]               # other columns untouched
    assert df.loc[0, "email"] == "ann@x.com"                    # input not changed
    assert a1["email"].dropna().str.fullmatch(r"[0-9a-f]{16}").all()


def test_pseudonymize_token_does_not_give_the_original_back():
    emails = ["ann@x.com", "bob@y.com"]
    out = cd.pseudonymize(pd.DataFrame({"email": emails}), "email", key=KEY, length=64, prefix="c_")
    plain = {hashlib.sha256(e.encode()).hexdigest() for e in emails} | {hashlib.md5(e.encode()).hexdigest()
                                                                         for e in emails}
    for token, email in zip(out["email"], emails):
        assert token.startswith("c_") and email not in token
        assert token[2:] not in plain   # not the unkeyed hash a dictionary attack would find
    # a dictionary attack without the key: hashing candidate e-mails never meets the token
    guesses = {hashlib.sha256(g.encode()).hexdigest()[:16] for g in emails + ["carl@z.com"]}
    short = cd.pseudonymize(pd.DataFrame({"email": emails}), "email", key=KEY)["email"]
    assert not set(short) & guesses


def test_pseudonymize_refuses_missing_or_weak_keys_without_showing_them():
    df = pd.DataFrame({"email": ["ann@x.com"]})
    for key in (None, "", b""):
        with pytest.raises(DataError, match="needs a secret key"):
            cd.pseudonymize(df, "email", key=key)
    with pytest.raises(DataError, match="too short") as err:
        cd.pseudonymize(df, "email", key="secret123")
    assert "secret123" not in str(err.value)
    with pytest.raises(DataError, match="text or bytes"):
        cd.pseudonymize(df, "email", key=12345678901234567890)


def test_pseudonymize_bad_arguments():
    df = pd.DataFrame({"email": ["ann@x.com"]})
    with pytest.raises(DataError, match='"mail" is not in'):
        cd.pseudonymize(df, ["mail"], key=KEY)
    with pytest.raises(DataError, match="columns is empty"):
        cd.pseudonymize(df, [], key=KEY)
    with pytest.raises(DataError, match="length must be a whole number from 8 to 64"):
        cd.pseudonymize(df, "email", key=KEY, length=4)
    with pytest.raises(DataError, match="must be a pandas DataFrame"):
        cd.pseudonymize(["ann@x.com"], "email", key=KEY)
    assert cd.pseudonymize(df.head(0), "email", key=KEY).empty


# ------------------------------------------------------------------------------------------- charts

def test_charts_draw_and_label():
    import matplotlib.pyplot as plt

    from custlearn import plots as charts

    p = cd.profile(_people())
    ax = charts.missing_values_chart(p)
    assert ax.get_title() and ax.get_xlabel() == "Missing values (% of rows)"
    pairs = cd.find_duplicates(_people())
    truth = pd.Series([(a, b) in TRUE_PAIRS for a, b in zip(pairs["id_1"], pairs["id_2"])], index=pairs.index)
    ax = charts.name_similarity_chart(pairs, true_pair=truth, threshold=0.9)
    assert "threshold 0.90" in [t.get_text() for t in ax.get_legend().get_texts()]
    ax = charts.problems_found_chart(pd.DataFrame({"problem": ["a"], "found": [1], "planted": [2]}))
    assert ax.get_ylabel() == "Planted problem"
    with pytest.raises(DataError, match='"planted" is not in'):
        charts.problems_found_chart(pd.DataFrame({"problem": ["a"], "found": [1]}))
    plt.close("all")


def test_import_stays_light():
    import subprocess
    import sys

    code = "import sys, custlearn.customer_data; print(any(m in sys.modules for m in ('matplotlib', 'scipy', 'sklearn')))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


# ---------------------------------------------------------------- the lesson's "Try it" widget (duplicate_threshold_explorer)


def _widget_texts(out):
    return [o["data"].get("text/markdown", o["data"].get("text/plain", "")) for o in out.outputs]


def test_duplicate_threshold_explorer_counts_found_true_and_false_pairs():
    from custlearn import widgets

    truth = pd.DataFrame({"customer_id": [2, 7, 4], "duplicate_of": [1, 1, 3]})  # 1=2=7 and 3=4: 4 true pairs
    box = widgets.duplicate_threshold_explorer(_people(), truth, threshold=0.9)
    out = box.children[-1]
    assert "image/png" in out.outputs[0]["data"]
    # by hand: candidate pairs are the 6 pairs of "Ann Lee" records 1, 2, 5, 7 (one block), (3,4), and the family
    # phone block 3, 4, 6. Names >= 0.9: the 6 Ann Lee pairs and (3,4) -> 7 found; true: (1,2), (1,7), (2,7), (3,4)
    # -> 4 true, 3 false (5 is another Ann Lee); 0 of the 4 true pairs missed
    assert "finds **7 pairs**: 4 true and **3 false**" in _widget_texts(out)[1]
    assert "misses 0 of the 4 true pairs" in _widget_texts(out)[1]
    table = out.outputs[2]["data"]["text/plain"]
    assert "pairs found" in table
    assert repr(box).startswith("Try it: move the name-similarity threshold")


def test_duplicate_threshold_explorer_redraws_when_the_threshold_moves():
    from custlearn import widgets

    truth = pd.DataFrame({"customer_id": [2, 7, 4], "duplicate_of": [1, 1, 3]})
    box = widgets.duplicate_threshold_explorer(_people(), truth, threshold=0.9)
    slider = box.children[1].children[0]
    out = box.children[-1]
    slider.value = 0.5  # "bob stone" vs "rita stone" (2 * 6 / 19 = 0.63) joins: (3,6) and (4,6)
    assert "threshold of **0.50**" in _widget_texts(out)[1]
    assert "finds **9 pairs**: 4 true and **5 false**" in _widget_texts(out)[1]
    # with the same e-mail or phone: (1,2), (1,7), (2,7), (3,4) true; (3,6), (4,6) share the family phone
    assert "same e-mail or phone: 4 true and **2 false** pairs" in _widget_texts(out)[1]
    slider.value = 1.0
    assert "finds **7 pairs**" in _widget_texts(out)[1]  # identical names stay: same name is not same person
