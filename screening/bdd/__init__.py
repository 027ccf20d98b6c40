"""Danish BDD for profiles: Gherkin scenarios ("Givet … Når … Så …") run with pytest-bdd.

`plugin` lets pytest collect `.feature` files on their own (registered as a pytest11 entry
point); `steps` is the Danish step library; `check` finds mistakes in feature files before
they run; `runner` runs them for `screening test` and reports per scenario.
"""
