---@meta
-- LuaLS annotations of `restrictions` (global, also `require "redress.restrictions"`):
-- warnings and restrictions on a party's contact for unreasonable behaviour, their reviews and
-- challenges. Implemented by the host (RestrictionsModule.swift, RestrictionsSource.swift);
-- AnnotationDriftTests compares these names with the host's.

---A warning or a restriction on a party.
---@class redress.Restriction
---@field id integer
---@field party integer the party's id
---@field kind string "warning", or one of the pack's `restrictions.kinds`
---@field detail? string e.g. the one channel allowed
---@field reasons string
---@field starts redress.date
---@field review_due? redress.date
---@field lifted? redress.date
---@field challenged? redress.date
---@field challenge_outcome? string
---@field active boolean in force on the day asked about

---What a review of a restriction weighs: the party's contact since it began or was last reviewed.
---@class redress.RestrictionActivity
---@field since redress.date
---@field contacts integer contacts logged since
---@field flagged integer of them, flagged by the pack's `restrictions.flag` hook
---@field last_flagged? redress.date
---@field new_cases integer
---@field reviews integer reviews so far

---A review's outcome, as the pack's `restrictions.review.decide` hook proposes it.
---@class redress.ReviewDecision
---@field outcome "continue"|"vary"|"lift"
---@field reasons string
---@field detail? string what a varied restriction now is

---The `restrictions` module.
---@class redress.restrictions
restrictions = {}

---@class redress.WarnOptions
---@field party integer
---@field reasons string
---@field on? redress.dateish

---A warning to a party (a pack with `warning = true` gives one before restricting).
---@param t redress.WarnOptions
---@return integer id
function restrictions.warn(t) end

---@class redress.RestrictOptions
---@field party integer
---@field kind string one of the pack's `restrictions.kinds`
---@field detail? string
---@field reasons string
---@field on? redress.dateish

---A restriction on a party's contact.
---@param t redress.RestrictOptions
---@return redress.Restriction
function restrictions.add(t) end

---@class redress.ReviewOptions
---@field id integer the restriction
---@field outcome "continue"|"vary"|"lift"
---@field reasons string
---@field reviewer? string
---@field detail? string what a varied restriction now is
---@field on? redress.dateish

---A review of a restriction; the next one falls due after the pack's `review` period.
---@param t redress.ReviewOptions
---@return redress.Restriction
function restrictions.review(t) end

---@class redress.ChallengeOptions
---@field id integer the restriction
---@field outcome "continue"|"vary"|"lift"
---@field reasons string
---@field reviewer? string the pack's `challenge.reviewer`
---@field on? redress.dateish

---The party's challenge of a restriction, reviewed (as often as the pack's `challenge.times`).
---@param t redress.ChallengeOptions
---@return redress.Restriction
function restrictions.challenge(t) end

---The warning or restriction with id `id`, or nil.
---@param id integer
---@return redress.Restriction|nil
function restrictions.get(id) end

---A party's warnings and restrictions, `active` as of `on` (default today).
---@param party integer
---@param on? redress.dateish
---@return redress.Restriction[]
function restrictions.of(party, on) end

---The restrictions in force whose review is due by `on` (default today), most overdue first.
---@param on? redress.dateish
---@return redress.Restriction[]
function restrictions.due(on) end

---What the review of restriction `id` on `on` weighs.
---@param id integer
---@param on? redress.dateish
---@return redress.RestrictionActivity
function restrictions.activity(id, on) end

---The pack's `restrictions.review.decide` hook's proposal, or nil and why a person must decide.
---@param id integer
---@param on? redress.dateish
---@return redress.ReviewDecision|nil decision
---@return string|nil why
function restrictions.assess(id, on) end

---@class redress.ReviewDueOptions
---@field id integer the restriction
---@field on? redress.dateish
---@field reviewer? string

---Runs the pack's review hook on a restriction whose review is due and records its outcome:
---the decision and the restriction after it, or nil and why a person must decide.
---@param t redress.ReviewDueOptions
---@return redress.ReviewDecision|nil decision
---@return redress.Restriction|string after_or_why
function restrictions.review_due(t) end

---The flags on a case's contacts, oldest first.
---@param c redress.Case|string a case or its reference
---@return string[]
function restrictions.flags(c) end
