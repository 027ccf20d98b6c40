"""The text of every message in the problem catalogue: code -> (English, Danish) template.

Parameters are filled in with str.format when the message is shown (see messages.Message).
A code names one kind of problem, whatever its parameters; the E/W/L codes users see group
several of them.
"""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    # composing messages
    "hinted": ("{message}{hint}", "{message}{hint}"),
    "did_you_mean": (" (did you mean {names}?)", " (mente du {names}?)"),
    "one_of": ("; one of: {names}", "; en af: {names}"),
    # reading files (documents)
    "folder_not_file": ("is a folder, expected a file", "er en mappe; forventede en fil"),
    "not_regular_file": ("not a regular file", "ikke en almindelig fil"),
    "file_too_large": ("file is larger than {limit} bytes", "filen er større end {limit} byte"),
    "file_not_found": ("file not found", "filen findes ikke"),
    "unpacks_too_large": ("the file unpacks to more than {limit} bytes",
                          "filen pakkes ud til mere end {limit} byte"),
    "cannot_read_file": ("cannot read file: {reason}", "kan ikke læse filen: {reason}"),
    "save_as_readable": ("a {suffix} file cannot be read; save it as .docx, .pdf or .txt",
                         "en {suffix}-fil kan ikke læses; gem den som .docx, .pdf eller .txt"),
    "page_ends_in_comment": ("the page's text ends inside this comment, never closed (<!-- "
                             "without -->): a browser shows nothing after it, and nothing "
                             "after it is read; close it where the text goes on",
                             "sidens tekst ender i denne kommentar, som aldrig lukkes (<!-- "
                             "uden -->): en browser viser intet efter den, og intet efter "
                             "den læses; luk den, hvor teksten fortsætter"),
    "save_as_web_page": ("a {suffix} file is a web archive; save the page as \"Web Page, HTML "
                         "only\" (.html), or as .docx, .pdf or .txt",
                         "en {suffix}-fil er et webarkiv; gem siden som \"Webside, kun HTML\" "
                         "(.html) eller som .docx, .pdf eller .txt"),
    "os_not_found": ("no such file or folder", "filen eller mappen findes ikke"),
    "os_no_access": ("permission denied", "ingen adgang"),
    "os_disk_full": ("the disk is full", "disken er fuld"),
    "os_read_only": ("the file system is read-only", "filsystemet er skrivebeskyttet"),
    "os_is_folder": ("is a folder", "er en mappe"),
    "os_not_folder": ("a part of the path is not a folder", "en del af stien er ikke en mappe"),
    "os_name_too_long": ("the name is too long", "navnet er for langt"),
    "os_taken": ("something that is no folder has that name", "noget, der ikke er en mappe, har "
                 "det navn"),
    "os_link_loop": ("symbolic links point at each other in a loop",
                     "symbolske links peger på hinanden i ring"),
    "file_replaced": ("the file was replaced while it was read; lines from here not "
                      "screened: {count}", "filen blev udskiftet, mens den blev læst; linjer "
                      "herfra, der ikke blev screenet: {count}"),
    "not_utf8": ("not UTF-8 text", "ikke UTF-8-tekst"),
    "utf16": ("UTF-16 text (what Excel and Word call \"Unicode text\"), not UTF-8: save it "
              "as \"CSV UTF-8\" or \"UTF-8\" text",
              "UTF-16-tekst (det Excel og Word kalder \"Unicode-tekst\"), ikke UTF-8: gem den "
              "som \"CSV UTF-8\" eller \"UTF-8\"-tekst"),
    "not_in_charset": ("not {charset} text, as the page's <meta charset> says it is",
                       "ikke {charset}-tekst, som sidens <meta charset> siger, den er"),
    "unknown_charset": ("the page's character set '{charset}' is unknown: save it as UTF-8",
                        "sidens tegnsæt '{charset}' er ukendt: gem den som UTF-8"),
    "name_not_utf8": ("the file's name is not UTF-8 text; rename the file",
                      "filens navn er ikke UTF-8-tekst; omdøb filen"),
    "not_a_mapping": ("expected a mapping at the top of the document",
                      "forventede en mapping (felt: værdi) øverst i dokumentet"),
    "invalid_json": ("invalid JSON: {detail}", "ugyldig JSON: {detail}"),
    "json_value_expected": ("a value is missing here (a number, a text in double quotes, true, "
                            "false, null, [ or {{)", "her mangler en værdi (et tal, en tekst i "
                            "dobbelte anførselstegn, true, false, null, [ eller {{)"),
    "json_name_expected": ("a field name in double quotes is missing here (a comma before }} "
                           "is one too many)", "her mangler et feltnavn i dobbelte "
                           "anførselstegn (et komma før }} er ét for meget)"),
    "json_comma_expected": ("a comma is missing here", "her mangler et komma"),
    "json_colon_expected": ("a colon is missing here, after the field name",
                            "her mangler et kolon efter feltnavnet"),
    "json_extra_data": ("something follows after the JSON ends", "der står mere, efter JSON'en "
                        "slutter"),
    "json_bad_escape": ("a backslash that starts no escape (write \\\\ for a backslash)",
                        "en omvendt skråstreg, der ikke indleder en escape (skriv \\\\ for "
                        "en omvendt skråstreg)"),
    "json_control_character": ("a control character, such as a tab or line break, inside a "
                               "text (write \\t or \\n)", "et kontroltegn, fx et "
                               "tabulatortegn eller linjeskift, inde i en tekst (skriv \\t "
                               "eller \\n)"),
    "json_unterminated_string": ("a text that is never closed with a double quote",
                                 "en tekst, der aldrig lukkes med et dobbelt anførselstegn"),
    "json_trailing_comma": ("a comma before the end of a list or object is one too many",
                            "et komma før slutningen af en liste eller et objekt er ét for "
                            "meget"),
    "json_bom": ("a byte order mark (BOM) where no file starts, as when two files are "
                 "joined: delete it", "et byte order mark (BOM), hvor ingen fil starter, som "
                 "når to filer er sat sammen: slet det"),
    "invalid_yaml": ("invalid YAML: {detail}", "ugyldig YAML: {detail}"),
    "duplicate_key": ("duplicate key `{key}`", "nøglen `{key}` står to gange"),
    "too_deep": ("nested deeper than {levels} levels", "indlejret dybere end {levels} niveauer"),
    "too_many_values": ("more than {limit} values once its aliases are expanded",
                        "mere end {limit} værdier, når aliaserne foldes ud"),
    "too_many_written": ("more than {limit} values in one document",
                         "mere end {limit} værdier i ét dokument"),
    "alias_to_itself": ("an alias refers to itself", "et alias henviser til sig selv"),
    "yaml_colon_in_value": ('a colon and a space inside a value: put the text in quotes ("...")',
                            'kolon og mellemrum inde i en værdi: sæt teksten i anførselstegn '
                            '("...")'),
    "yaml_character": ("the character {character}, a control character YAML does not allow: "
                       "delete it", "tegnet {character}, et kontroltegn, som YAML ikke "
                       "tillader: slet det"),
    "yaml_tab": ("a tab: YAML indents with spaces only",
                 "et tabulatortegn: YAML indrykker kun med mellemrum"),
    "yaml_indent": ("the indentation does not match the lines above: fields that belong "
                    "together start in the same column", "indrykningen passer ikke til "
                    "linjerne over: felter, der hører sammen, starter i samme kolonne"),
    "yaml_text_after_quote": ('text after the end of a value (a closing " or }}): a " inside '
                              'a quoted text is written \\"',
                              'tekst efter slutningen af en værdi (et afsluttende " eller }}): '
                              'et " inde i en tekst i anførselstegn skrives \\"'),
    "yaml_no_colon": ("a line without `name: value` where a field was expected",
                      "en linje uden `navn: værdi`, hvor der forventedes et felt"),
    "list_for_mapping": ("a list (lines starting with '- ') where fields (name: value) were "
                         "expected", "en liste (linjer der starter med '- '), hvor der "
                         "forventedes felter (navn: værdi)"),
    "not_an_integer": ("not a whole number: {value}", "ikke et heltal: {value}"),
    "not_a_float": ("not a number: {value}", "ikke et tal: {value}"),
    "too_many_digits": ("a number of {digits} digits (at most {limit})",
                        "et tal med {digits} cifre (højst {limit})"),
    # a value the models refuse (pydantic's text is the English; the Danish is ours)
    "got": ("{message} (got {value})", "{message} (fik {value})"),
    "invalid_value": ("{detail}", "ugyldig værdi: {detail}"),
    "verbatim": ("{detail}", "{detail}"),  # a library's own words, inside a message of ours
    "missing": ("{detail}", "mangler (feltet skal udfyldes)"),
    "unknown_field": ("{detail}", "ukendt felt"),
    "not_an_integer_value": ("{detail}", "skal være et heltal"),
    "not_a_number_value": ("{detail}", "skal være et tal"),
    "not_a_bool": ("{detail}", "skal være true eller false"),
    "not_text": ("{detail}", "skal være tekst"),
    "not_unicode_text": ("is no text: it holds half a character (an escape such as \\ud800 "
                         "without its pair)",
                         "er ikke tekst: den rummer et halvt tegn (en kode som \\ud800 uden "
                         "sin makker)"),
    "not_a_date": ("{detail}", "skal være en dato (ÅÅÅÅ-MM-DD)"),
    "not_a_valid_date": ("{detail}", "skal være en gyldig dato (ÅÅÅÅ-MM-DD)"),
    "date_with_time": ("{detail}", "skal være en dato uden klokkeslæt"),
    "not_one_of": ("{detail}", "skal være en af: {expected}"),
    "at_least": ("{detail}", "skal være mindst {bound}"),
    "above": ("{detail}", "skal være over {bound}"),
    "at_most": ("{detail}", "må højst være {bound}"),
    "not_a_finite_number": ("{detail}", "skal være et endeligt tal"),
    "below": ("{detail}", "skal være under {bound}"),
    "too_many_items": ("{detail}", "må højst have {bound} elementer, ikke {length}"),
    "too_few_items": ("{detail}", "skal have mindst {bound} element(er)"),
    "empty_text": ("{detail}", "må ikke være tom"),
    "text_too_long": ("{detail}", "må højst være {bound} tegn"),
    "bad_id_format": ("{detail}", "har et ugyldigt format (små bogstaver, tal og - _ .)"),
    "not_a_list": ("{detail}", "skal være en liste"),
    "not_a_mapping_value": ("{detail}", "skal være en mapping (felt: værdi)"),
    "end_before_start": ("end {end} is before start {start}", "slut {end} er før start {start}"),
    "implausible_start": ("start {start} is not a plausible date",
                          "start {start} er ikke en troværdig dato"),
    "date_format": ("expected a date written YYYY-MM-DD, got {value}",
                    "skal være en dato skrevet ÅÅÅÅ-MM-DD"),
    "partial_never_lifts": ("`partial` never lifts the criterion to delvist: it cannot hold, "
                            "or only where `when` holds too (is a threshold the wrong way "
                            "round?)", "`partial` løfter aldrig kriteriet til delvist: den kan "
                            "ikke holde, eller kun hvor `when` også holder (står en grænse "
                            "omvendt?)"),
    "cv_without_application": ("the criterion reads only the CV, which comes with the "
                               "application, but its sources leave out ansøgning: the CV "
                               "counts at every stage all the same (sources limits "
                               "assessments; add ansøgning)",
                               "kriteriet læser kun CV'et, der følger med ansøgningen, men dets "
                               "kilder udelader ansøgning: CV'et tæller på alle stadier "
                               "alligevel (sources begrænser vurderinger; føj ansøgning til)"),
    "ignores_nothing": ("lint_ignore names {code}, which lint does not find in this criterion: "
                        "remove it, or see whether its reason still holds",
                        "lint_ignore nævner {code}, som lint ikke finder i dette kriterium: "
                        "fjern den, eller se efter, om begrundelsen stadig holder"),
    "no_such_lint_code": ("lint_ignore names {code}, which is no code a criterion can accept "
                          "({codes})", "lint_ignore nævner {code}, som ikke er en kode, et "
                          "kriterium kan acceptere ({codes})"),
    "lint_ignore_reason": ('lint code {code} needs a reason: write {{code: {code}, reason: '
                           '"..."}}', 'lint-koden {code} skal have en begrundelse: skriv '
                           '{{code: {code}, reason: "..."}}'),
    # rule files (rulefiles)
    "write_priority": (" (write `priority: {priority}` instead)",
                       " (skriv `priority: {priority}` i stedet)"),
    "condition_outside_when": (" (`{key}` is part of a condition: indent it under `when:` or "
                               "`partial:`)", " (`{key}` hører til en betingelse: ryk den ind "
                               "under `when:` eller `partial:`)"),
    "module_not_profile": ("a profile needs a `profile:` section (this looks like a module)",
                           "en profil skal have en `profile:`-sektion (dette ligner et modul)"),
    "too_many_rules": ("this condition compiles into too many rules for the engine ({detail}); "
                       "simplify or split it", "betingelsen bliver til for mange regler for "
                       "motoren ({detail}); forenkl eller del den op"),
    "nested_combinators": ("{count} nested all/any", "{count} indlejrede all/any"),
    "more_rules_than": ("more than {limit} rules", "mere end {limit} regler"),
    "include_outside": ("cannot include {path}: outside the folder of the profile ({folder})",
                        "kan ikke inkludere {path}: uden for profilens mappe ({folder})"),
    "include_cycle": ("include cycle: {cycle}", "cirkulær include: {cycle}"),
    "cannot_include": ("cannot include {path}: {reason}", "kan ikke inkludere {path}: {reason}"),
    "profile_or_module": ("a rule file has exactly one of `profile:` (a job profile) or "
                          "`module:` (an organisation module)", "en regelfil har netop én af "
                          "`profile:` (en stillingsprofil) og `module:` (et organisationsmodul)"),
    "profile_id_twice": ("profile id '{id}' is also the id of {first}: a command given the id "
                         "would take one of them", "profil-id'et '{id}' er også id for "
                         "{first}: en kommando, der får id'et, ville tage den ene af dem"),
    "include_not_module": ("{path} is a profile, not a module (only files with `module:` can "
                           "be included)", "{path} er en profil, ikke et modul (kun filer med "
                           "`module:` kan inkluderes)"),
    "scoring_in_module": ("scoring belongs in the profile, not in a module",
                          "scoring hører til i profilen, ikke i et modul"),
    "competency_twice": ("competency '{id}' is defined twice with different labels",
                         "kompetencen '{id}' er defineret to gange med forskellige navne"),
    "derived_twice": ("derived fact '{id}' is defined twice",
                      "det afledte faktum '{id}' er defineret to gange"),
    "sum_needs_field": ("`aggregate: sum` needs `field:` naming a number of {collection} "
                        "({fields})", "`aggregate: sum` kræver `field:` med et tal fra "
                        "{collection} ({fields})"),
    "field_without_sum": ("`field:` is only used with `aggregate: sum`",
                          "`field:` bruges kun med `aggregate: sum`"),
    "thresholds_crossed": ("delvist threshold is above opfyldt",
                           "tærsklen for delvist ligger over opfyldt"),
    "lowest_band": ("the lowest band must have `min_score: 0`",
                    "det laveste bånd skal have `min_score: 0`"),
    "band_never_given": ("band '{band}' can never be given: band '{first}' has the same "
                         "min_score", "båndet '{band}' kan aldrig gives: båndet '{first}' har "
                         "samme min_score"),
    "band_twice": ("band id '{band}' is used twice", "bånd-id'et '{band}' er brugt to gange"),
    "duplicate_criterion": ("duplicate criterion id '{id}' (first in {first})",
                            "kriterie-id'et '{id}' er brugt før (første gang i {first})"),
    "no_criteria": ("the profile has no criteria", "profilen har ingen kriterier"),
    "too_many_criteria": ("more than {limit} criteria ({count})",
                          "mere end {limit} kriterier ({count})"),
    "unknown_competency_or_criterion": ("unknown competency or criterion '{name}'",
                                        "ukendt kompetence eller kriterium '{name}'"),
    "unknown_competency": ("unknown competency '{name}'", "ukendt kompetence '{name}'"),
    "unknown_source": ("unknown evidence source '{name}' (one of {sources})",
                       "ukendt evidenskilde '{name}' (en af {sources})"),
    "source_not_allowed": ("source '{name}' is not in the criterion's `sources`",
                           "kilden '{name}' er ikke blandt kriteriets `sources`"),
    "score_range": ("scores run from 1 to 5", "vurderinger går fra 1 til 5"),
    "unknown_collection": ("unknown collection '{name}'", "ukendt samling '{name}'"),
    "unknown_fact": ("unknown fact '{name}'", "ukendt faktum '{name}'"),
    "fact_is_competency": (" ('{name}' is a competency: write {{assessed: {name}}})",
                           " ('{name}' er en kompetence: skriv {{assessed: {name}}})"),
    "competency_is_fact": (" ('{name}' is a derived fact: write {{fact: {name}}})",
                           " ('{name}' er et afledt faktum: skriv {{fact: {name}}})"),
    "unknown_item_field": ("unknown field '{name}' of {collection}",
                           "ukendt felt '{name}' i {collection}"),
    "operator_mismatch": ("operator `{op}` does not apply to '{name}' ({kind}); use {allowed}",
                          "operatoren `{op}` passer ikke til '{name}' ({kind}); brug {allowed}"),
    "not_true_or_false": ("'{name}' is true or false, got {value}",
                          "'{name}' er sand eller falsk, fik {value}"),
    "not_a_number_fact": ("'{name}' is a number, got {value}", "'{name}' er et tal, fik {value}"),
    "not_a_value_of": ("'{value}' is not a value of '{name}'",
                       "'{value}' er ikke en værdi af '{name}'"),
    "no_profile": ("no rule file and no profile with this id in {folder}",
                   "ingen regelfil og ingen profil med dette id i {folder}"),
    # conditions (E206)
    "too_many_tests": ("more than {limit} tests in one condition ({count}); split the criterion",
                       "mere end {limit} test i én betingelse ({count}); del kriteriet op"),
    "combinators_too_deep": ("all/any/not nested deeper than {levels} levels",
                             "all/any/not indlejret dybere end {levels} niveauer"),
    "expected_condition": ("expected a condition (a mapping such as {{all: [...]}})",
                           "forventede en betingelse (en mapping som {{all: [...]}})"),
    "expected_list": ("expected a non-empty list", "forventede en liste, der ikke er tom"),
    "unknown_condition_keys": ("unknown condition keys {keys}; expected {expected} or {last}",
                               "ukendte nøgler i betingelsen {keys}; forventede {expected} "
                               "eller {last}"),
    "some_needs_where": ("`some` needs a `where` condition", "`some` kræver en `where`-betingelse"),
    "expected_sources": ("expected a list of evidence sources",
                         "forventede en liste af evidenskilder"),
    "expected_score": ("expected a score from 1 to 5", "forventede en vurdering fra 1 til 5"),
    "unexpected_key": ("unexpected key `{key}` here", "nøglen `{key}` hører ikke til her"),
    "expected_name": ("expected a name", "forventede et navn"),
    "one_operator": ("expected exactly one operator ({operators}), got `{got}`",
                     "forventede netop én operator ({operators}), fik `{got}`"),
    "range_in_one": ("one operator per condition: a range is one condition per operator "
                     "under `all:`, e.g. `all: [{example}]`", "én operator pr. betingelse: et "
                     "interval er én betingelse pr. operator under `all:`, fx "
                     "`all: [{example}]`"),
    "in_needs_list": ("`in` needs a non-empty list", "`in` kræver en liste, der ikke er tom"),
    "in_too_many": ("`in` takes at most {limit} values", "`in` tager højst {limit} værdier"),
    # candidate records (candidates)
    "no_records_in_folder": ("folder holds no .yaml, .yml, .json or .jsonl candidate records",
                             "mappen indeholder ingen kandidatposter (.yaml, .yml, .json eller "
                             ".jsonl)"),
    "line_too_long": ("line longer than {limit} bytes", "linjen er længere end {limit} byte"),
    "not_a_json_object": ("expected a JSON object (one record per line)",
                          "forventede et JSON-objekt (én kandidat pr. linje)"),
    "duplicate_candidate": ("candidate id '{id}' is also used by {first}",
                            "kandidat-id'et '{id}' bruges også af {first}"),
    "position_after_as_of": ("the position starts {start}, after the date of assessment "
                             "{as_of}: it counts as held, with 0 years; screen with --as-of "
                             "if the record speaks for a later date",
                             "stillingen starter {start}, efter vurderingsdatoen {as_of}: den "
                             "tæller som beklædt, med 0 år; screen med --as-of, hvis posten "
                             "taler for en senere dato"),
    "education_after_as_of": ("the education is completed in {year}, after the date of "
                              "assessment {as_of}: it counts as taken; screen with --as-of "
                              "if the record speaks for a later date",
                              "uddannelsen afsluttes i {year}, efter vurderingsdatoen {as_of}: "
                              "den tæller som taget; screen med --as-of, hvis posten taler "
                              "for en senere dato"),
    "assessment_source_not_taken": ("no criterion takes competency '{name}' from {source}: "
                                    "the assessment counts for nothing (the profile takes it "
                                    "from {sources})",
                                    "intet kriterium tager kompetencen '{name}' fra {source}: "
                                    "vurderingen tæller ikke med (profilen tager den fra "
                                    "{sources})"),
    "unknown_assessed_competency": ("competency '{name}' is not in profile {profile}; the "
                                    "assessment counts for nothing", "kompetencen '{name}' "
                                    "findes ikke i profilen {profile}; vurderingen tæller ikke "
                                    "med"),
    # lint (L codes) and protected attributes (E501)
    "about": ("{subject}: {message}", "{subject}: {message}"),
    "never_met": ("can never be met (no facts make its condition hold)",
                  "kan aldrig opfyldes (ingen fakta gør betingelsen sand)"),
    "always_met": ("is always met once its evidence is there (the condition cannot fail)",
                   "er altid opfyldt, når evidensen er der (betingelsen kan ikke fejle)"),
    "krav_in_wish_words": ("is a krav, but its quote says '{words}', the wording of a wish",
                           "er et krav, men citatet siger '{words}', som er ønskeord"),
    "krav_in_module": ("is a krav, but an organisation module never makes one (the profile "
                       "that includes it decides)", "er et krav, men et organisationsmodul "
                       "gør aldrig noget til krav (profilen, der inkluderer det, afgør det)"),
    "krav_in_softened_list": ("is a krav, but its '{words}' stands in a list softened by "
                              "'{softener}' (set_aside), so it reads as an ønske of weight "
                              "{weight}", "er et krav, men dets '{words}' står i en liste, der "
                              "blødgøres af '{softener}' (set_aside); det læses som et ønske "
                              "med vægt {weight}"),
    "krav_without_words": ("is a krav, but no word of its quote makes one (it reads as an "
                           "ønske)", "er et krav, men intet ord i citatet gør det til et krav "
                           "(det læses som et ønske)"),
    "wish_in_krav_words": ("is an ønske, but its quote says '{words}', the wording of a "
                           "requirement", "er et ønske, men citatet siger '{words}', som er "
                           "kravord"),
    "weight_above_words": ("weighs {weight}, but no word of its quote asks for more than "
                           "{asked}", "vejer {weight}, men intet ord i citatet beder om mere "
                           "end {asked}"),
    "weight_below_words": ("weighs {weight}, but its quote says {words}: weight {asked}",
                           "vejer {weight}, men citatet siger {words}: vægt {asked}"),
    "the_competency": ("competency '{name}'", "kompetencen '{name}'"),
    "the_derived_fact": ("derived fact '{name}'", "det afledte faktum '{name}'"),
    "scored_twice": ("scores {what} which {first} scores too (the same evidence counts twice)",
                     "scorer {what}, som {first} også scorer (samme evidens tæller to gange)"),
    "unused_derived": ("derived fact '{name}' is not used by any criterion",
                       "det afledte faktum '{name}' bruges ikke af noget kriterium"),
    "coded_wording": ("the {what} says '{words}': wording coded for {attribute} ({id}; "
                      "{source})", "{what} siger '{words}': ordlyd der peger på {attribute} "
                      "({id}; {source})"),
    "the_name": ("name", "navnet"), "the_quote": ("quote", "citatet"),
    "the_competency_label": ("competency label", "kompetencens navn"),
    "the_fact_description": ("fact description", "faktummets beskrivelse"),
    "coded_for_age": ("age", "alder"), "coded_for_gender": ("gender", "køn"),
    "coded_for_origin": ("origin", "etnisk eller national oprindelse"),
    "coded_for_appearance": ("appearance", "udseende, der står i stedet for køn, alder eller "
                                           "oprindelse"),
    "coded_for_family_status": ("family status", "familiestatus"),
    "coded_for_religion": ("religion", "religion eller tro"),
    "coded_for_disability": ("disability", "handicap"),
    "names_protected": ("uses '{name}', which names a protected attribute ('{term}')",
                        "bruger '{name}', som nævner en beskyttet oplysning ('{term}')"),
    "reads_proxy": ("reads {field}: {why}", "læser {field}: {why}"),
    "graduation_year_for_age": ("graduation year can stand in for age",
                                "afgangsåret kan stå i stedet for alder"),
    "caps_experience": ("caps {name} at {cap}: a ceiling on years of experience is an age "
                        "proxy ({source})", "sætter loft over {name} ({cap}): et loft over års "
                        "erfaring står i stedet for alder ({source})"),
    # a run too large to remember its candidate ids in memory (E403)
    "ids_not_kept": ("the candidate ids seen so far could not be kept in a temporary file, so "
                     "a second record with the same id could not be refused; nothing was "
                     "written: {detail}",
                     "de kandidat-id'er, der er set indtil nu, kunne ikke gemmes i en "
                     "midlertidig fil, så en anden post med samme id kunne ikke afvises; intet "
                     "er skrevet: {detail}"),
    # the audit store (E401, E402) and its chain (screening audit verify)
    "no_audit_store": ("no audit store here (nothing has been screened with it yet)",
                       "intet revisionsspor her (der er ikke screenet med det endnu)"),
    "cannot_open_store": ("cannot open the audit store: {reason}",
                          "kan ikke åbne revisionssporet: {reason}"),
    "foreign_sqlite": ("a SQLite file, but not a screening audit store",
                       "en SQLite-fil, men ikke et revisionsspor fra screening"),
    "not_a_store": ("not an audit store ({why})", "ikke et revisionsspor ({why})"),
    "an_empty_file": ("an empty file", "en tom fil"),
    "not_sqlite": ("not a SQLite file", "ikke en SQLite-fil"),
    "store_table_missing": ("the audit store is damaged (a table is missing)",
                            "revisionssporet er beskadiget (en tabel mangler)"),
    "store_column_missing": ("the audit store is damaged (a column is missing)",
                             "revisionssporet er beskadiget (en kolonne mangler)"),
    "store_read_only": ("the audit store is read-only", "revisionssporet er skrivebeskyttet"),
    "store_disk_full": ("the disk holding the audit store is full",
                        "disken med revisionssporet er fuld"),
    "store_corrupt": ("the audit store is damaged (corrupt pages)",
                      "revisionssporet er beskadiget (ødelagte sider)"),
    "store_not_text": ("the audit store is damaged (an entry is no longer UTF-8 text)",
                       "revisionssporet er beskadiget (en post er ikke længere UTF-8-tekst)"),
    "store_cannot_open": ("the audit store cannot be opened", "revisionssporet kan ikke åbnes"),
    "store_locked": ("the audit store is locked by another process",
                     "revisionssporet er låst af en anden proces"),
    "store_fault": ("audit store fault: {detail}", "fejl i revisionssporet: {detail}"),
    "not_recorded": ("the results were not recorded: {reason}",
                     "resultaterne blev ikke gemt i revisionssporet: {reason}"),
    "head_mismatch": ("the last entry is {last}, the store says {head}: entries were cut off "
                      "or added outside", "den sidste post er {last}, revisionssporet siger "
                      "{head}: poster er skåret af eller tilføjet udefra"),
    "head_hash_mismatch": ("the last entry, {seq}, is not the one the store's head names: it "
                           "was changed or replaced outside", "den sidste post, {seq}, er ikke "
                           "den, revisionssporets hoved peger på: den er ændret eller "
                           "erstattet udefra"),
    "blob_changed": ("stored file {digest} changed", "den gemte fil {digest} er ændret"),
    "blob_missing": ("entry {seq}: stored file {digest} is missing",
                     "post {seq}: den gemte fil {digest} mangler"),
    "blob_gone": ("stored file {digest} is missing or changed; run `screening audit verify`",
                  "den gemte fil {digest} mangler eller er ændret; kør `screening audit "
                  "verify`"),
    "no_run": ("no run '{run}'", "ingen kørsel '{run}'"),
    "latest_runs": ("; latest: {runs}", "; seneste: {runs}"),
    "run_without_candidate": ("run '{run}' has no candidate '{candidate}'",
                              "kørsel '{run}' har ingen kandidat '{candidate}'"),
    "entries_missing": ("entries {first}-{last} missing", "post {first}-{last} mangler"),
    "entry_missing": ("entry {seq} missing", "post {seq} mangler"),
    "entry_out_of_order": ("entry {seq} out of order (found {found})",
                           "post {seq} i forkert rækkefølge (fandt {found})"),
    "entry_unchained": ("entry {seq}: does not follow the entry before it (deleted, inserted "
                        "or reordered)", "post {seq}: følger ikke posten før den (slettet, "
                        "indsat eller flyttet)"),
    "entry_changed": ("entry {seq} ({kind}, run {run}): content changed",
                      "post {seq} ({kind}, kørsel {run}): indholdet er ændret"),
    "entry_changed_read": ("entry {seq} ({kind}, run {run}) was changed after it was "
                           "written; run `screening audit verify`",
                           "post {seq} ({kind}, kørsel {run}) er ændret, efter den blev "
                           "skrevet; kør `screening audit verify`"),
    "reason_too_long": ("the reason is {length} characters long; at most {limit}",
                        "begrundelsen er {length} tegn lang; højst {limit}"),
    "name_too_long": ("the name is {length} characters long; at most {limit}",
                      "navnet er {length} tegn langt; højst {limit}"),
    "nothing_to_confirm": ("has no proposed knock-out to confirm or override; decide whether "
                           "the candidate goes on with --advance or --stop",
                           "har ingen foreslået knock-out at bekræfte eller underkende; "
                           "beslut med --advance eller --stop, om kandidaten går videre"),
    "knockout_to_decide": ("has a proposed knock-out: confirm it (--confirm: does not go on) "
                           "or override it (--override: goes on)",
                           "har en foreslået knock-out: bekræft den (--confirm: går ikke "
                           "videre) eller underkend den (--override: går videre)"),
    "contradicts_standing": ("contradicts the standing decision, entry {seq}: {decision}, "
                             "decided by {by} at {created}; pass --supersede with a reason to "
                             "replace it",
                             "strider mod den stående beslutning, post {seq}: {decision}, "
                             "besluttet af {by} {created}; brug --supersede med en begrundelse "
                             "for at erstatte den"),
    # feature files and the words of steps (screening test, --check; bdd)
    "feature_language": ("the first line must be '# language: da' (or 'en' for the English "
                         "steps)", "første linje skal være '# language: da' (eller 'en' for de "
                         "engelske trin)"),
    "no_feature": ("no 'Egenskab:' in the file", "ingen 'Egenskab:' i filen"),
    "no_scenarios": ("the feature has no scenario ('Scenarie:')",
                     "egenskaben har intet scenarie ('Scenarie:')"),
    "scenario_without_then": ("the scenario has no Then ('Så') step and so cannot fail: write "
                              "what is expected",
                              "scenariet har intet Så-trin og kan derfor ikke fejle: skriv, "
                              "hvad der forventes"),
    "not_gherkin": ("not Gherkin: {detail}", "ikke Gherkin: {detail}"),
    "not_a_line_here": ("'{line}' is not a step, a keyword or a table row that can stand here",
                        "'{line}' er hverken et trin, et nøgleord eller en tabelrække, der kan "
                        "stå her"),
    "uneven_table": ("the rows of the table have different numbers of cells",
                     "tabellens rækker har ikke lige mange celler"),
    "tag_with_space": ("a tag cannot hold a space (write @a @b, or @a_b)",
                       "et tag kan ikke indeholde mellemrum (skriv @a @b eller @a_b)"),
    "ends_too_soon": ("the file ends where more must follow (a scenario after its tags, rows "
                      "after Eksempler:)", "filen slutter, hvor der skal mere til (et scenarie "
                      "efter dets tags, rækker efter Eksempler:)"),
    "scenario_name_twice": ("scenario name '{name}' is also used on line {line}",
                            "scenarienavnet '{name}' bruges også på linje {line}"),
    "placeholder_without_column": ("placeholder <{name}> has no column in Eksempler",
                                   "pladsholderen <{name}> har ingen kolonne i Eksempler"),
    "unknown_keyword": ("unknown keyword '{word}'", "ukendt nøgleord '{word}'"),
    "no_feature_file": ("no such feature file", "ingen sådan feature-fil"),
    "no_feature_files": ("no .feature files", "ingen .feature-filer"),
    "unreadable_argument": ("cannot read the argument of '{line}': {why}",
                            "kan ikke læse argumentet i '{line}': {why}"),
    "no_step_matches": ("no step matches '{line}'{nearest}", "intet trin passer på '{line}'"
                                                             "{nearest}"),
    "nearest_steps": ("; nearest: {steps}", "; nærmeste: {steps}"),
    "use_one_of": ("; use one of: {names}", "; brug en af: {names}"),
    "known": ("; known: {names}", "; kendte: {names}"),
    "clause_after_organisation": ("cannot read '{clause}' after '{name}': write the leaders or "
                                  "staff led as 'med syv afdelingsledere under sig' (one word "
                                  "for whom), a budget in a data table, and a name with 'med' "
                                  "with its sector in brackets: 'Børn med Handicap "
                                  "(selvejende)'",
                                  "kan ikke læse '{clause}' efter '{name}': skriv de ledere "
                                  "eller medarbejdere, der ledes, som 'med syv "
                                  "afdelingsledere under sig' (ét ord for hvem), et budget i "
                                  "en datatabel, og et navn med 'med' med sektoren i parentes: "
                                  "'Børn med Handicap (selvejende)'"),
    "profile_does_not_load": ("the profile does not load: {problems}",
                              "profilen kan ikke indlæses: {problems}"),
    "profiles_not_loading": ("; these do not load: {problems}",
                             "; disse kan ikke indlæses: {problems}"),
    "not_a_number_word": ("'{text}' is not a number (write digits or a word such as 'seks')",
                          "'{text}' er ikke et tal (skriv cifre eller et ord som 'seks')"),
    "not_a_place": ("'{text}' is not a place in the ranking (write e.g. 'second place' or "
                    "'2nd place')", "'{text}' er ikke en plads i rækkefølgen (skriv fx "
                    "'andenpladsen' eller '2. pladsen')"),
    "not_a_source": ("'{text}' is not a source of evidence", "'{text}' er ikke en evidenskilde"),
    "not_a_stage": ("'{text}' is not a stage of the process (write e.g. 'after the "
                    "references', 'at the second interview' or one of {stages})",
                    "'{text}' er ikke et stadie i processen (skriv fx 'efter referencerne', "
                    "'til anden samtale' eller et af {stages})"),
    "no_leadership_level": ("cannot tell the leadership level of '{title}': the title names "
                            "none of {words}", "kan ikke se ledelsesniveauet i '{title}': "
                            "titlen nævner ingen af {words}"),
    "not_a_sector": ("'{text}' is not a sector", "'{text}' er ikke en sektor"),
    "no_sector": ("cannot tell the sector of '{organisation}'; add it in brackets, e.g. "
                  "'{organisation} (privat)' ({sectors})", "kan ikke se sektoren for "
                  "'{organisation}'; skriv den i parentes, fx '{organisation} (privat)' "
                  "({sectors})"),
    "not_leaders_or_staff": ("'{word}' is neither leaders (…ledere, …chefer) nor staff "
                             "(medarbejdere, ansatte)", "'{word}' er hverken ledere (…ledere, "
                             "…chefer) eller medarbejdere (medarbejdere, ansatte)"),
    "unknown_degree": ("'{degree}' is not a degree the steps know",
                       "'{degree}' er ikke en grad, trinene kender"),
    "unknown_education": ("'{text}' is not an education the steps know (e.g. 'en "
                          "cand.scient.pol.', 'en master i offentlig ledelse', 'en "
                          "diplomuddannelse i ledelse', 'en professionsbachelor som lærer', "
                          "'en MBA', 'en ph.d.')", "'{text}' er ikke en uddannelse, trinene "
                          "kender (fx 'en cand.scient.pol.', 'en master i offentlig ledelse', "
                          "'en diplomuddannelse i ledelse', 'en professionsbachelor som lærer', "
                          "'en MBA', 'en ph.d.')"),
    "not_an_experience": ("'{text}' is not a kind of experience",
                          "'{text}' er ikke en slags erfaring"),
    "fits_several": ("'{phrase}' fits more than one {what}: {names}",
                     "'{phrase}' passer på flere ({what}): {names}"),
    "no_such": ("no {what} '{phrase}'", "'{phrase}' findes ikke som {what}"),
    "a_criterion": ("criterion", "kriterium"),
    "a_competency": ("competency", "kompetence"),
    "profile_in": ("profile in {folder}", "profil i {folder}"),
    "profile_out_of_reach": ("a rule file a scenario names must lie in {rules}, under the "
                             "folder the run starts in, or beside the feature file",
                             "en regelfil, et scenarie nævner, skal ligge i {rules}, under "
                             "mappen, kørslen starter i, eller ved siden af feature-filen"),
    "not_a_status": ("'{text}' is not a status", "'{text}' er ikke en status"),
    "not_a_category": ("'{text}' is not a category", "'{text}' er ikke en kategori"),
    "implausible_year": ("'{text}' is not a plausible year", "'{text}' er ikke et troværdigt "
                                                             "årstal"),
    "unknown_domain": ("'{text}' names no field the steps know (e.g. skoleområdet, dagtilbud, "
                       "beskæftigelse, socialområdet)", "'{text}' nævner intet fagområde, "
                       "trinene kender (fx skoleområdet, dagtilbud, beskæftigelse, "
                       "socialområdet)"),
    # groups files (screening fairness)
    "groups_empty": ("the groups file is empty", "gruppefilen er tom"),
    "groups_header": ("the first line names an id column (id) and at least one attribute, "
                      "e.g. id,køn,aldersgruppe", "første linje nævner en id-kolonne (id) og "
                      "mindst én oplysning, fx id,køn,aldersgruppe"),
    "groups_too_many": ("{count} attributes; at most {limit} (each pair of them is compared "
                        "too): keep the attributes to compare, e.g. id,køn,aldersgruppe",
                        "{count} oplysninger; højst {limit} (hvert par af dem sammenlignes "
                        "også): behold dem, der skal sammenlignes, fx id,køn,aldersgruppe"),
    "groups_value_too_long": ("a value is longer than {limit} characters",
                              "en værdi er længere end {limit} tegn"),
    "groups_line_break": ("a value runs over several lines (a quote not closed?)",
                          "en værdi løber over flere linjer (et citationstegn, der ikke er "
                          "lukket?)"),
    "groups_no_id": ("the row has no candidate id", "rækken har intet kandidat-id"),
    "groups_row_width": ("{fields} fields, the header has {header}",
                         "{fields} felter, overskriften har {header}"),
    "groups_twice": ("candidate '{candidate}' is listed twice",
                     "kandidaten '{candidate}' står der to gange"),
    "groups_none_of_run": ("no candidate of run {run} is in the groups file, so there is "
                           "nothing to compare; its id column must hold the run's ids (such "
                           "as {ids})", "ingen af kandidaterne i kørsel {run} står i "
                           "gruppefilen, så der er intet at sammenligne; dens id-kolonne skal "
                           "have kørslens id'er (fx {ids})"),
    "groups_unnamed_column": ("column {column} has a value but no name in the first line",
                              "kolonne {column} har en værdi, men intet navn i første linje"),
    "groups_spelt_twice": ("'{value}' under {attribute} is also written '{first}' (line "
                           "{line}): one group, written one way",
                           "'{value}' under {attribute} er også skrevet '{first}' (linje "
                           "{line}): én gruppe, skrevet på én måde"),
    "groups_column_twice": ("column {column}, '{name}', is also column {first}: each "
                            "attribute once", "kolonne {column}, '{name}', er også kolonne "
                            "{first}: hver oplysning én gang"),
    # scoring sheets (screening sheet, screening import scores)
    "sheet_nothing_to_score": ("no criterion of {profile} takes an assessment from {stage}, "
                               "so the sheet would have nothing to score; they take them from "
                               "{stages}", "intet kriterium i {profile} tager en vurdering "
                               "fra {stage}, så arket ville ikke have noget at score; de "
                               "tager dem fra {stages}"),
    "not_a_workbook": ("not an .xlsx workbook ({detail})", "ikke en .xlsx-projektmappe ({detail})"),
    "sheet_protected": ("the workbook is protected with a password, or is an old Excel "
                        "workbook (.xls): save a copy without a password as .xlsx",
                        "projektmappen er beskyttet med en adgangskode eller er en gammel "
                        "Excel-projektmappe (.xls): gem en kopi uden adgangskode som .xlsx"),
    "sheet_damaged": ("the workbook is damaged inside ({detail}): open it in Excel and save "
                      "it again", "projektmappen er beskadiget indeni ({detail}): åbn den i "
                      "Excel, og gem den igen"),
    "sheet_is_text": ("a text file (a CSV?), not an .xlsx workbook: open it in Excel and save "
                      "it as an Excel workbook (.xlsx)",
                      "en tekstfil (en CSV?), ikke en .xlsx-projektmappe: åbn den i Excel, og "
                      "gem den som Excel-projektmappe (.xlsx)"),
    "sheet_open_document": ("an OpenDocument spreadsheet (.ods), not an .xlsx workbook: save "
                            "it as an Excel workbook (.xlsx)",
                            "et OpenDocument-regneark (.ods), ikke en .xlsx-projektmappe: gem "
                            "det som Excel-projektmappe (.xlsx)"),
    "no_score_sheet": ("no sheet '{sheet}' (write one with `screening sheet`)",
                       "intet ark '{sheet}' (skriv et med `screening sheet`)"),
    "sheet_merged": ("merged cells: {value} shows in each, but only the first holds it, and "
                     "the others read as empty; unmerge them and write it in each cell",
                     "flettede celler: {value} vises i hver, men kun den første rummer den, og "
                     "de andre læses som tomme; ophæv fletningen, og skriv den i hver celle"),
    "second_score_sheet": ("a scoring sheet too, beside '{sheet}', whose scores would not be "
                           "read: import one scoring sheet per workbook (move this one to a "
                           "workbook of its own, or its scores into '{sheet}')",
                           "også et scoringsark, ved siden af '{sheet}', hvis scorer ikke "
                           "ville blive læst: læs ét scoringsark ind pr. projektmappe (flyt "
                           "dette til en projektmappe for sig, eller dets scorer til "
                           "'{sheet}')"),
    "ids_row_broken": ("the row of ids lost its 'id', 'source' or 'assessor' column",
                       "rækken med id'er har mistet kolonnen 'id', 'source' eller 'assessor'"),
    "names_column_lost": ("no one column is headed '{label}': the names' column holds the "
                          "sheet's id (row 3) and its profile's (row 4); give it back its "
                          "heading",
                          "ingen kolonne alene har overskriften '{label}': navnenes kolonne "
                          "rummer arkets id (række 3) og profilens (række 4); giv den sin "
                          "overskrift igen"),
    "sheet_column_twice": ("the column is also column {first} ({label}): each column once; "
                           "a second assessor's scores go in a new sheet (screening sheet)",
                           "kolonnen er også kolonne {first} ({label}): hver kolonne én gang; "
                           "en anden bedømmers scorer hører til i et nyt ark (screening "
                           "sheet)"),
    "empty_competency_id": ("empty competency id", "tomt kompetence-id"),
    "scores_without_candidate": ("scores without a candidate id", "scorer uden kandidat-id"),
    "candidate_on_two_rows": ("candidate '{candidate}' is also on row {row}: each candidate "
                              "once; a second assessor's scores go in a new sheet (screening "
                              "sheet)",
                              "kandidaten '{candidate}' står også i række {row}: hver kandidat "
                              "én række; en anden bedømmers scorer hører til i et nyt ark "
                              "(screening sheet)"),
    "sheet_source": ("source '{source}' is not one of {sources}",
                     "kilden '{source}' er ikke en af {sources}"),
    "sheet_formula": ("the formula {formula} has no value saved with it (a sheet filled by a "
                      "program): type the score, or open and save the sheet in Excel",
                      "formlen {formula} er gemt uden sin værdi (et ark udfyldt af et "
                      "program): skriv scoren, eller åbn og gem arket i Excel"),
    "sheet_formula_text": ("the formula {formula} has no value saved with it (a sheet filled "
                           "by a program): type the text, or open and save the sheet in Excel",
                           "formlen {formula} er gemt uden sin værdi (et ark udfyldt af et "
                           "program): skriv teksten, eller åbn og gem arket i Excel"),
    "sheet_score": ("score {value} is not a whole number from 1 to 5",
                    "scoren {value} er ikke et helt tal fra 1 til 5"),
    "sheet_decision_typed": ("{value} in the column {column} is not read: a decision is "
                             "recorded with screening decide RUN CANDIDATE --operator NAME "
                             "--reason REASON",
                             "{value} i kolonnen {column} læses ikke ind: en beslutning "
                             "registreres med screening decide KØRSEL KANDIDAT --operator "
                             "NAVN --reason BEGRUNDELSE"),
    "sheet_names_no_profile": ("the sheet names no profile (beside 'Profilen' in B4, nor in its "
                               "title in A1): its scores are not checked against one (E306); "
                               "check that the profile counts each competency from its row's "
                               "source, or write a new sheet (screening sheet)",
                               "arket nævner ingen profil (ved siden af 'Profilen' i B4 eller "
                               "i titlen i A1): scorerne er ikke tjekket mod en (E306); tjek, "
                               "at profilen tæller hver kompetence fra rækkens kilde, eller "
                               "skriv et nyt ark (screening sheet)"),
    "sheet_profile_unread": ("the sheet was written for profile {profile}, which could not be "
                             "read ({reason}): its scores are not checked against it",
                             "arket er skrevet til profilen {profile}, som ikke kunne læses "
                             "({reason}): scorerne er ikke tjekket mod den"),
    "sheet_without_id": ("the sheet has no id beside 'id' (B3): it was written before sheets "
                         "had one, so a row read in again takes the place of its earlier "
                         "import only for the same competency, source and assessor, or for "
                         "the same score now with the assessor's name; read in again with "
                         "its source, or its score and assessor, corrected, it is added "
                         "beside it, and one judgement counts twice: check the records, or "
                         "write a new sheet (screening sheet)",
                         "arket har intet id ved siden af 'id' (B3): det er skrevet, før ark "
                         "fik et, så en række, der læses ind igen, træder kun i stedet for "
                         "det, den skrev før, ved samme kompetence, kilde og bedømmer, eller "
                         "ved samme score nu med bedømmerens navn; læst ind igen med kilden, "
                         "eller scoren og bedømmeren, rettet, føjes den til, og én vurdering "
                         "tæller to gange: tjek posterne, eller skriv et nyt ark "
                         "(screening sheet)"),
    "no_record_for": ("no record for candidate '{candidate}' in {folder}",
                      "ingen post for kandidaten '{candidate}' i {folder}"),
    "row_assessor_changed": ("candidate '{candidate}' was read in from this sheet with "
                             "assessor '{before}', now '{now}': another assessor needs a sheet "
                             "of their own (screening sheet), so that neither replaces the "
                             "other; if the name was corrected, correct it in {path} too",
                             "kandidaten '{candidate}' blev læst ind fra dette ark med "
                             "bedømmer '{before}', nu '{now}': en anden bedømmer skal have sit "
                             "eget ark (screening sheet), så ingen af dem erstatter den anden; "
                             "er navnet rettet, så ret det også i {path}"),
    "candidate_in_jsonl": ("candidate '{candidate}' is a line of a JSON Lines file, which is "
                           "not updated; give it its own record file", "kandidaten "
                           "'{candidate}' er en linje i en JSON Lines-fil, som ikke opdateres; "
                           "giv den sin egen postfil"),
    # source documents (screening trace, screening new)
    "pdf_password": ("the PDF is protected with a password: save a copy without one",
                     "PDF'en er beskyttet med en adgangskode: gem en kopi uden"),
    "docx_protected": ("the .docx file is protected with a password, or is an old Word "
                       "document (.doc): save a copy without a password as .docx",
                       ".docx-filen er beskyttet med en adgangskode eller er et gammelt "
                       "Word-dokument (.doc): gem en kopi uden adgangskode som .docx"),
    "docx_is_text": ("a text file, not a .docx: rename it .txt, and it is read as text",
                     "en tekstfil, ikke en .docx: omdøb den til .txt, så læses den som tekst"),
    "docx_not_word": ("not a Word document (.docx) but another kind of file (a zip, a "
                      "spreadsheet, an OpenDocument): open it in the program that made it and "
                      "save it as a Word document (.docx)",
                      "ikke et Word-dokument (.docx), men en anden slags fil (en zip, et "
                      "regneark, et OpenDocument): åbn den i programmet, der lavede den, og gem "
                      "den som Word-dokument (.docx)"),
    "cannot_read_document": ("cannot read this {suffix} file: {detail}",
                             "kan ikke læse denne {suffix}-fil: {detail}"),
    "source_not_found": ("source '{document}' not found (not beside the rule file, not a "
                         "path, not a seed)", "kilden '{document}' findes ikke (ikke ved siden "
                         "af regelfilen, ikke en sti, ikke en kildetekst)"),
    "no_statements": ("found no statement that asks something of the candidate (a bullet or "
                      "a numbered item under a heading on competencies, a sentence with "
                      "'skal', 'afgørende', 'gerne', 'must', 'essential', 'an advantage' ...): "
                      "the draft reads profile texts in Danish and in English",
                      "fandt intet udsagn, der stiller krav til kandidaten (et punkt eller et "
                      "nummereret punkt under en overskrift om kompetencer, en sætning med "
                      "'skal', 'afgørende', 'gerne', 'must', 'essential', 'an advantage' ...): "
                      "udkastet læser profiltekster på dansk og engelsk"),
    # writing output (--out)
    "out_is_folder": ("is a folder; --out needs a file name",
                      "er en mappe; --out skal have et filnavn"),
    "cannot_write": ("cannot write here: {reason}", "kan ikke skrive her: {reason}"),
    "file_read_only": ("the file is read-only: make it writable, and it is replaced",
                       "filen er skrivebeskyttet: gør den skrivbar, så erstattes den"),
    "out_over_input": ("is a file this command reads; --out would write over it",
                       "er en fil, kommandoen læser; --out ville skrive over den"),
    "out_over_text": ("would write over the profile text the draft is made from",
                      "ville skrive over profilteksten, udkastet bygger på"),
    "out_is_feature": ("the rule file and its scenarios (.feature) would be the same file; "
                       "name the rule file .yaml", "regelfilen og dens scenarier (.feature) "
                       "ville blive samme fil; giv regelfilen endelsen .yaml"),
    "record_exists": ("holds this candidate's record already; --overwrite takes the resume "
                      "into it", "rummer allerede kandidatens post; --overwrite tager CV'et "
                      "ind i den"),
    "resume_of_namesake": ("holds the record of a candidate with this id and the e-mail "
                           "{email}, the resume's is {resume_email}: another person of the same "
                           "name is not taken into it; if it is her new e-mail, write it in the "
                           "record and import again, else import the resume elsewhere",
                           "rummer posten for en kandidat med dette id og e-mailen {email}, "
                           "CV'ets er {resume_email}: en anden person med samme navn tages "
                           "ikke ind i den; er det hendes nye e-mail, så skriv den i posten, "
                           "og importér igen, ellers importér CV'et et andet sted"),
    "resume_person_twice": ("more than one record is this candidate's, by her name or e-mail "
                            "({records}): keep one, and import again",
                            "mere end én post er kandidatens efter navn eller e-mail "
                            "({records}): behold én, og importér igen"),
    "file_exists": ("exists already; --overwrite replaces it",
                    "findes allerede; --overwrite erstatter den"),
    # the committee's papers
    "run_differs": ("run '{run}' screened other rule files, stage or records than this report; "
                    "leave out --run to use the latest matching run", "kørsel '{run}' "
                    "screenede andre regelfiler, et andet stadie eller andre poster end denne "
                    "rapport; udelad --run for at bruge den seneste kørsel, der passer"),
    # JSON Resume (screening import jsonresume): what was guessed or left out
    "resume_date_unreadable": ("date '{value}' could not be read", "dato '{value}' kunne ikke "
                                                                   "læses"),
    "resume_date_impossible": ("date '{value}' does not exist", "dato '{value}' findes ikke"),
    "resume_date_completed": ("'{value}' written as {date}, the first of its month or year: "
                              "the resume gives no more; correct it if you know the day",
                              "'{value}' skrevet som {date}, den første i måneden eller året: "
                              "CV'et giver ikke mere; ret den, hvis du kender dagen"),
    "resume_not_a_list": ("skipped (not a list)", "sprunget over (ikke en liste)"),
    "resume_not_an_object": ("skipped (not an object)", "sprunget over (ikke et objekt)"),
    "resume_basics": ("must be an object", "skal være et objekt"),
    "resume_location": ("not carried over (not used in screening)",
                        "ikke overført (bruges ikke i screeningen)"),
    "resume_end_unreadable": ("skipped: the end date cannot be read, and the post would else "
                              "count as held now", "sprunget over: slutdatoen kan ikke læses, "
                              "og stillingen ville ellers tælle, som var den nuværende"),
    "resume_too_many": ("{count} entries; a candidate record holds at most {limit}",
                        "{count} poster; en kandidatpost rummer højst {limit}"),
    "resume_job_incomplete": ("skipped (no organisation, position or start date)",
                              "sprunget over (mangler organisation, stilling eller startdato)"),
    "resume_sector_guessed": ("sector guessed as 'privat' from '{organisation}'; correct it if "
                              "it is wrong", "sektor gættet som 'privat' ud fra "
                              "'{organisation}'; ret den, hvis det er forkert"),
    "resume_sector_read": ("sector '{sector}' read from '{organisation}'",
                           "sektor '{sector}' læst ud fra '{organisation}'"),
    "resume_level_read": ("leadership level '{level}' read from '{title}'",
                          "ledelsesniveau '{level}' læst ud fra '{title}'"),
    "resume_no_numbers": ("leaders and staff led, budget and fields are not in JSON Resume; "
                          "add them from the interview", "antal ledere og medarbejdere, budget "
                          "og fagområder står ikke i JSON Resume; tilføj dem fra samtalen"),
    "resume_education_read": ("level of education '{level}' and leadership education "
                              "'{leadership}' read from '{words}'; correct them if they are wrong",
                              "uddannelsesniveau '{level}' og ledelsesuddannelse "
                              "'{leadership}' læst ud fra '{words}'; ret dem, hvis de er "
                              "forkerte"),
    "resume_education_unknown": ("level of education unknown for '{words}'; skipped",
                                 "uddannelsesniveau for '{words}' ukendt; sprunget over"),
    "resume_section_unknown": ("the record leaves '{field}' out: the resume does not give it "
                               "whole, so it is not known yet (ikke belyst), never an empty or "
                               "a complete list",
                               "posten udelader '{field}': CV'et giver det ikke helt, så det "
                               "er ikke kendt endnu (ikke belyst), aldrig en tom eller en "
                               "komplet liste"),
    "resume_section_left_out": ("not carried over (no matching fields in the candidate record)",
                                "ikke overført (ingen tilsvarende felter i kandidatposten)"),
    # a resume imported again over a record (--overwrite)
    "resume_value_replaced": ("'{before}' replaced by the resume's '{after}'; if the record's "
                              "value was a correction, put it back",
                              "'{before}' erstattet af CV'ets '{after}'; var postens værdi en "
                              "rettelse, så sæt den ind igen"),
    "resume_value_changed": ("'{before}' changed in the resume to '{after}'; taken in",
                             "'{before}' ændret i CV'et til '{after}'; taget ind"),
    "resume_value_conflict": ("the record's '{kept}' kept, edited since the last import; the "
                              "resume now gives '{after}' (it gave '{before}'): take it in by "
                              "hand if it is right",
                              "postens '{kept}' beholdt, rettet siden sidste import; CV'et "
                              "giver nu '{after}' (gav '{before}'): skriv det ind i hånden, "
                              "hvis det er rigtigt"),
    "resume_value_dropped": ("no longer in the resume (it gave '{before}'); the record's "
                             "'{kept}' kept",
                             "står ikke længere i CV'et (det gav '{before}'); postens "
                             "'{kept}' beholdt"),
    "resume_value_not_given": ("not in the resume; the record's '{kept}' kept",
                               "står ikke i CV'et; postens '{kept}' beholdt"),
    "resume_guess_kept": ("the record's '{kept}' kept (the resume gives only the guess "
                          "'{guess}')", "postens '{kept}' beholdt (CV'et giver kun gættet "
                          "'{guess}')"),
    "resume_entry_kept": ("{entry}: not in the resume; kept in the record",
                          "{entry}: står ikke i CV'et; beholdt i posten"),
    "yes": ("yes", "ja"), "no": ("no", "nej"),
    # the command line's own checks of its options
    "run_of_other_profile": ("run '{run}' is of profile '{stored}', not '{profile}'",
                             "kørslen '{run}' er af profilen '{stored}', ikke '{profile}'"),
    "name_one_candidate": ("{count} candidates given; name one with --id ({ids}, ...)",
                           "{count} kandidater givet; vælg én med --id ({ids}, ...)"),
    "no_candidate": ("no candidate '{id}'", "ingen kandidat '{id}'"),
    "not_screened": ("no candidate '{id}' in this screening; it holds {count}: {ids}",
                     "ingen kandidat '{id}' i denne screening; den har {count}: {ids}"),
    "not_a_criterion_of": ("no criterion '{id}' in profile {profile}; it has {count}: {ids}",
                           "intet kriterium '{id}' i profilen {profile}; den har {count}: "
                           "{ids}"),
    "no_criterion_in": ("no criterion '{id}' in {profile}", "intet kriterium '{id}' i {profile}"),
}
