# language: da
Egenskab: Direktør for Dagtilbud, Skoler, Fritid og Idræt samt Børn, Unge og Familier, Helsingør Kommune
  "Det er afgørende, at du har ledelseserfaring på højt niveau fra en politisk styret
  organisation, herunder erfaring med ledelse af ledere." Krav, der ikke er opfyldt, er
  foreslåede knock-outs, som ansættelsesudvalget tager stilling til.

  Baggrund:
    Givet profilen "helsingor-direktor-2024"

  Scenarie: En børne- og ungedirektør i en kommune opfylder de afgørende krav
    Givet kandidaten "direktoer"
    Og kandidaten har været direktion i "Gentofte Kommune" (kommune) i 6 år og ledet 8 ledere
    Når kandidaten screenes
    Så er kriteriet "ledelse-hojt-niveau-politisk" "opfyldt"
    Og kriteriet "ledelse-af-ledere" er "opfyldt"
    Og kriteriet "bred-kommunal-indsigt" er "opfyldt"
    Og der er ingen foreslåede knock-outs

  Scenarie: Topledelse i en privat virksomhed er kun delvist ledelse i en politisk styret organisation
    Givet kandidaten "privat"
    Og kandidaten har været direktion i "LæringsTech ApS" (privat) i 8 år og ledet 7 ledere
    Når kandidaten screenes
    Så er kriteriet "Ledelseserfaring på højt niveau fra en politisk styret organisation" "delvist opfyldt"
    Og nævner forklaringen "har haft en stilling på direktions- eller chefniveau uden for politisk styrede organisationer"

  Scenarie: En leder, der ikke har ledet ledere, er en foreslået knock-out
    Givet kandidaten "afdelingsleder"
    Og kandidaten har været førstelinjeleder i "Helsingør Kommune" (kommune) i 8 år og ledet 0 ledere
    Når kandidaten screenes
    Så er der foreslået knock-out på "ledelse-af-ledere"
    Og der er foreslået knock-out på "ledelse-hojt-niveau-politisk"
    Og anbefalingen er "knockout_foreslået"

  Scenarie: Et CV uden antal ledere giver ikke belyst, ikke en knock-out
    Givet kandidaten "uoplyst"
    Og kandidaten har en stilling:
      | titel        | Centerchef          |
      | organisation | Region Hovedstaden  |
      | sektor       | region              |
      | start        | 2014-03-01          |
    Når kandidaten screenes
    Så er kriteriet "ledelse-af-ledere" "ikke belyst"
    Og der er ingen foreslåede knock-outs
    Og anbefalingen er "utilstrækkeligt_belyst"

  Scenarie: Indsigt i skoleområdet fra en stilling med skoleområdet
    Givet kandidaten "skolechef"
    Og kandidaten har en stilling:
      | titel          | Skolechef         |
      | organisation   | Helsingør Kommune |
      | sektor         | kommune           |
      | start          | 2015-01-01        |
      | ledelsesniveau | chef              |
      | ledere         | 18                |
      | fagområder     | skole, fritid     |
    Når kandidaten screenes
    Så er kriteriet "indsigt-skoleomraadet" "opfyldt"
    Og kriteriet "bred-kommunal-indsigt" er "opfyldt"

  Abstrakt Scenario: Relationelle kompetencer vurderes på skalaen 1-5
    Givet kandidaten "vurderet"
    Og kandidaten er vurderet til <score> på "relationelle_kompetencer" i "samtale1"
    Når kandidaten screenes
    Så er kriteriet "relationelle-kompetencer" "<status>"

    Eksempler:
      | score | status       |
      | 5     | opfyldt      |
      | 4     | opfyldt      |
      | 3     | delvist      |
      | 2     | ikke opfyldt |

  Scenarie: Mediehåndtering vægtes positivt, særligt som rådgiver
    Givet kandidaten "raadgiver"
    Og kandidaten har erfaring med "mediehåndtering" som "rådgiver"
    Givet kandidaten "presseansvarlig"
    Og kandidaten har erfaring med "mediehåndtering" som "ansvarlig"
    Når kandidaterne screenes
    Så er kriteriet "mediehaandtering" "opfyldt" for "raadgiver"
    Og kriteriet "mediehaandtering" er "delvist" for "presseansvarlig"

  Scenarie: Interview og reference, der er langt fra hinanden, markeres som uenige
    Givet kandidaten "uenig"
    Og kandidaten er vurderet til 5 på "gennemslagskraft" i "samtale1"
    Og kandidaten er vurderet til 2 på "gennemslagskraft" i "reference"
    Når kandidaten screenes
    Så er kilderne uenige om "gennemslagskraft-og-inddragelse"
    Og kilderne er ikke uenige om "relationelle-kompetencer"

  Scenarie: Ved første samtale tæller referencen endnu ikke
    Givet kandidaten "tidlig"
    Og kandidaten er vurderet til 5 på "ordentlighed" i "reference"
    Når kandidaterne screenes til stadiet "samtale1"
    Så er kriteriet "ordentlighed-og-kultur" "ikke belyst"
    Og dækningen er højst 10 %

  Scenarie: Den stærkeste kandidat fra eksemplerne går videre
    Givet kandidaten fra filen "examples/candidates/helsingor-direktor-2024/k01-mette-kjaer.yaml"
    Givet kandidaten fra filen "examples/candidates/helsingor-direktor-2024/k04-jonas-vestergaard.yaml"
    Givet kandidaten fra filen "examples/candidates/helsingor-direktor-2024/k02-anders-lykke.yaml"
    Når kandidaterne screenes
    Så er rækkefølgen "k01-mette-kjaer, k02-anders-lykke, k04-jonas-vestergaard"
    Og scorer "k01-mette-kjaer" højere end "k02-anders-lykke"
    Og går "k01-mette-kjaer" videre, når der tages 1
    Og kategorien "personlige" er scoret mindst 90 for "k01-mette-kjaer"
