# language: da
Egenskab: Arbejdsmarkeds- og socialdirektør, Høje-Taastrup Kommune
  "Ingen ledere scorer højt hele vejen igennem denne personprofil – men den er rygraden, når
  ansøgerne vurderes." To krav, resten er vægtede ønsker; ledelsesgrundlaget er med.

  Baggrund:
    Givet profilen "hoje-taastrup-arbejdsmarkeds-og-socialdirektoer-2009"

  Scenarie: En socialchef i en kommune, der har ledet ledere, opfylder begge krav
    Givet kandidaten "socialchef"
    Og kandidaten har været chef i "Greve Kommune" (kommune) i 6 år og ledet 9 ledere
    Når kandidaten screenes
    Så er kriteriet "generalistbaggrund-politisk-ledet" "opfyldt"
    Og kriteriet "ledelse-af-ledere" er "opfyldt"
    Og der er ingen foreslåede knock-outs

  Scenarie: Ledelse kun i private virksomheder er en foreslået knock-out på generalistbaggrunden
    Givet kandidaten "privat"
    Og kandidaten har været direktion i "Dansk Service A/S" (privat) i 5 år og ledet 8 ledere
    Når kandidaten screenes
    Så er der foreslået knock-out på "generalistbaggrund-politisk-ledet"
    Og kriteriet "ledelse-af-ledere" er "opfyldt"

  Scenarie: En kontorchef uden ledere under sig er en foreslået knock-out på ledelse af ledere
    Givet kandidaten "kontorchef"
    Og kandidaten har været chef i "Beskæftigelsesministeriet" (stat) i 6 år og ledet 0 ledere
    Når kandidaten screenes
    Så er der foreslået knock-out på "ledelse-af-ledere"
    Og kriteriet "generalistbaggrund-politisk-ledet" er "opfyldt"

  Scenarie: Uden stillinger i ansøgningen er kravene ikke belyst
    Givet kandidaten "tom"
    Når kandidaten screenes
    Så er kriteriet "generalistbaggrund-politisk-ledet" "ikke belyst"
    Og kriteriet "ledelse-af-ledere" er "ikke belyst"
    Og der er ingen foreslåede knock-outs

  Scenarie: Ledelse fra arbejdsmarkeds- eller socialområdet er et plus, ikke en betingelse
    Givet kandidaten "jobcenterchef"
    Og kandidaten har en stilling:
      | titel          | Jobcenterchef   |
      | organisation   | Roskilde Kommune |
      | sektor         | kommune         |
      | start          | 2001-01-01      |
      | ledelsesniveau | mellemleder     |
      | ledere         | 4               |
      | fagområder     | beskæftigelse   |
    Givet kandidaten "teknisk-chef"
    Og kandidaten har en stilling:
      | titel          | Teknisk chef     |
      | organisation   | Roskilde Kommune |
      | sektor         | kommune          |
      | start          | 2002-01-01       |
      | ledelsesniveau | chef             |
      | ledere         | 5                |
      | fagområder     | teknik_og_miljø  |
    Når kandidaterne screenes
    Så er kriteriet "ledelse-arbejdsmarked-social" "opfyldt" for "jobcenterchef"
    Og kriteriet "ledelse-arbejdsmarked-social" er "ikke opfyldt" for "teknisk-chef"
    Og der er ingen foreslåede knock-outs for "teknisk-chef"

  Abstrakt Scenario: Politisk rådgivning vurderes i samtaler, dialogtest og referencer
    Givet kandidaten "raadgiver"
    Og kandidaten har ingen erfaringer
    Og kandidaten er vurderet til <score> på "politisk_raadgivning" i "<kilde>"
    Når kandidaten screenes
    Så er kriteriet "Stærke kompetencer som politisk rådgiver" "<status>"

    Eksempler:
      | score | kilde     | status       |
      | 5     | samtale1  | opfyldt      |
      | 3     | test      | delvist      |
      | 2     | reference | ikke opfyldt |

  Scenarie: Erfaring med politisk betjening giver delvist opfyldt, indtil det er vurderet
    Givet kandidaten "betjening"
    Og kandidaten har erfaring med "politisk_betjening" som "ansvarlig"
    Når kandidaten screenes
    Så er kriteriet "politisk-raadgiver" "delvist opfyldt"

  Scenarie: Ledelsesgrundlagets værdier vurderes også
    Givet kandidaten "vaerdier"
    Og kandidaten er vurderet til 5 på "htk_helhed" i "samtale2"
    Og kandidaten er vurderet til 2 på "htk_menneskelighed" i "reference"
    Når kandidaten screenes
    Så er kriteriet "htk-vaerdi-helhed" "opfyldt"
    Og kriteriet "htk-vaerdi-menneskelighed" er "ikke opfyldt"
    Og der er ingen foreslåede knock-outs

  Scenarie: Dialogtesten tæller ikke ved første samtale
    Givet kandidaten "tidlig"
    Og kandidaten er vurderet til 5 på "rettidig_omhu" i "test"
    Når kandidaterne screenes til stadiet "samtale1"
    Så er kriteriet "rettidig-omhu" "ikke belyst"
