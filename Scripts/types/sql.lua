---@meta
-- LuaLS annotations of `sql` (global, also `require "redress.sql"`). Implemented in Swift
-- (Sources/RedressLua/SQLModule.swift); AnnotationDriftTests compares these names with the host's.

---Read-only SQL on the case store: `?` parameters bound in order from the extra arguments, the rows
---as tables keyed by column name (NULL is nil). Writes, ATTACH, transaction control and PRAGMAs
---other than schema descriptions are refused: changes go through `cases`, which keeps the audit
---log. A run reads what its user may see (redacted columns read masked).
---@param query string
---@param ... string|integer|number|boolean|redress.date|nil the parameters
---@return table<string, any>[] rows
function sql(query, ...) end
