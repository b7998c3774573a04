-- The Housing Ombudsman's contact details, for exclusion notices, extension notices and final
-- responses (Complaint Handling Code 2024, 2.4, 6.5, 6.16).
-- Source: as published in the southern-charity seed policy (shared/seeds/001_...txt, "Housing
-- Ombudsman" section). Check the postal address against the Ombudsman's site before printing.
return {
  name = "Housing Ombudsman Service",
  address = "PO Box 152, Liverpool L33 7WQ",
  email = "info@housing-ombudsman.org.uk",
  phone = "0300 111 3000",
  website = "www.housing-ombudsman.org.uk",

  -- One line for a letter or a triage reason.
  signpost = "You can ask the Housing Ombudsman Service to look at this decision: "
    .. "info@housing-ombudsman.org.uk, 0300 111 3000, PO Box 152, Liverpool L33 7WQ.",
}
