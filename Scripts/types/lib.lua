---@meta
-- LuaLS annotations of the shared Lua modules packs and jobs require from Scripts/lib:
-- `require "lib.compensation"` (remedy items in pence, with the Housing Ombudsman's 2026 sums)
-- and `require "lib.letters"` (letters from templates). LuaLS reads those files themselves when a
-- pack requires them; these classes give the same names types, for a parameter or a variable
-- (`---@type redress.compensation`). AnnotationDriftTests compares them with what each module
-- returns.

---One item of a remedy offer.
---@class redress.RemedyItem
---@field kind redress.RemedyKind
---@field pence? integer the amount in pence (0 when left out)
---@field reason string what it is for

---@alias redress.RemedyKind
---| "apology"
---| "practical_action"
---| "evidenced_loss"
---| "time_and_trouble"
---| "distress_and_inconvenience"
---| "loss_of_amenity"
---| "goodwill_gesture"

---@class redress.RentShare
---@field rooms integer rooms unusable
---@field of integer rooms in the home
---@field days integer days unusable
---@field weekly_rent integer pence a week

---The Housing Ombudsman's fixed sums (Compensation Guidance, effective 1 April 2026), in pence.
---@class redress.OmbudsmanSums
---@field heating_complete_per_day integer
---@field heating_or_hot_water_per_day integer
---@field power_complete_per_day integer
---@field lighting_only_per_week integer
---@field missed_appointment integer

---`require "lib.compensation"`: remedy items for a pack's remedy hook.
---@class redress.compensation
---@field ombudsman_2026 redress.OmbudsmanSums
---@field apology fun(reason: string): redress.RemedyItem an apology: no money
---@field action fun(reason: string): redress.RemedyItem the practical action the landlord will take
---@field loss_of_heating fun(days: integer): redress.RemedyItem £15 a day without any heating
---@field loss_of_heating_or_hot_water fun(days: integer): redress.RemedyItem £8 a day without heating or hot water
---@field loss_of_power fun(days: integer): redress.RemedyItem £10 a day without any power
---@field loss_of_lighting fun(weeks: integer): redress.RemedyItem £10 a week without lighting only
---@field missed_appointments fun(n: integer): redress.RemedyItem £15 each
---@field rent_share fun(t: redress.RentShare): redress.RemedyItem loss of amenity as a share of rent
---@field item fun(kind: redress.RemedyKind, pence: integer, reason: string): redress.RemedyItem an amount the landlord sets
---@field guidance_items fun(findings: table): redress.RemedyItem[] the items for the guidance's findings (days_without_heating...)
---@field total fun(items: redress.RemedyItem[]): integer the sum in pence

---A letter as `letters.render` makes it.
---@class redress.Letter
---@field text string
---@field html string
---@field subject string
---@field template string the template's path
---@field stage? string
---@field missing { part: string, why: string }[] parts the letter lacks: it must not be issued

---`require "lib.letters"`: letters from templates (what `redress letter` and `job:letter` use).
---@class redress.letters
---@field parts table<string, string> each part a template may require, and where the Code asks for it
---@field long_date fun(d: redress.dateish): string "22 December 2026"
---@field data fun(ref: string, pack: redress.Pack, settings: table<string, string>, today: redress.date): table, redress.Case
---@field restriction_data fun(id: integer, pack: redress.Pack, settings: table<string, string>, today: redress.date): table, redress.Case
---@field find fun(kind: string, folders: string[]): string|nil, string the template's path and text, or nil and the places tried
---@field parse fun(text: string, path: string): { required: string[], subject: string, body: string }
---@field render fun(kind: string, about: string|{ restriction: integer }, folders: string[], pack: redress.Pack, settings: table<string, string>, today: redress.date, addressee?: table): redress.Letter
