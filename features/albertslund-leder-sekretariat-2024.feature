# language: da
Egenskab: Leder af Sekretariat for Politik, Jura, Kommunikation & Udvikling, Albertslund Kommune
  De fem væsentlige kompetencer er krav og vurderes i samtaler og ledelsestest; "At besidde
  politisk tæft er afgørende". Uddannelse og erfaring er ønsker ("ser vi gerne").

  Baggrund:
    Givet profilen "albertslund-leder-sekretariat-2024"

  Abstrakt Scenario: Et væsentligt krav vurderet lavt er en foreslået knock-out
    Givet kandidaten "k"
    Og kandidaten har ingen erfaringer
    Og kandidaten er vurderet til 2 på "<kompetence>" i "samtale1"
    Når kandidaten screenes
    Så er der foreslået knock-out på "<kriterium>"

    Eksempler:
      | kompetence                | kriterium                     |
      | struktureret_ledelsesstil | struktureret-ledelsesstil     |
      | relationel_samarbejde     | relationelle-kompetencer      |
      | proces_forandringsledelse | proces-og-forandringsledelse  |
      | kommunikation_formidling  | kommunikation-og-formidling   |
      | politisk_taeft            | politisk-taeft                |
      | paa_tvaers_oekonomi_stab  | paa-tvaers-af-oekonomi-og-stab |

  Scenarie: Før samtalerne er kravene ikke belyst, og ingen er slået ud
    Givet kandidaten "ansoeger"
    Og kandidaten har uddannelsen "Cand.scient.pol." på niveau "kandidat" inden for "samfundsvidenskab"
    Når kandidaterne screenes til stadiet "ansøgning"
    Så er kriteriet "politisk-taeft" "ikke belyst"
    Og kriteriet "struktureret-ledelsesstil" er "ikke belyst"
    Og der er ingen foreslåede knock-outs
    Og anbefalingen er "utilstrækkeligt_belyst"

  Scenarie: Testen og samtalen vægtes ens, men den laveste kilde afgør et krav
    Givet kandidaten "uenig"
    Og kandidaten er vurderet til 5 på "struktureret_ledelsesstil" i "samtale1"
    Og kandidaten er vurderet til 2 på "struktureret_ledelsesstil" i "test"
    Når kandidaten screenes
    Så er der foreslået knock-out på "struktureret-ledelsesstil"
    Og kilderne er uenige om "struktureret-ledelsesstil"

  Scenarie: Erfaring med politisk betjening opvejer ikke en lav vurdering af politisk tæft
    Givet kandidaten "betjening"
    Og kandidaten har erfaring med "politisk_betjening" som "ansvarlig"
    Og kandidaten er vurderet til 2 på "politisk_taeft" i "samtale1"
    Når kandidaten screenes
    Så er der foreslået knock-out på "politisk-taeft"

  Scenarie: En samfundsvidenskabelig kandidatuddannelse eller lignende er et ønske
    Givet kandidaten "samf"
    Og kandidaten har uddannelsen "Cand.scient.pol." på niveau "kandidat" inden for "samfundsvidenskab"
    Givet kandidaten "jurist"
    Og kandidaten har uddannelsen "Cand.jur." på niveau "kandidat" inden for "jura"
    Givet kandidaten "humanist"
    Og kandidaten har uddannelsen "Cand.mag." på niveau "kandidat" inden for "humaniora"
    Når kandidaterne screenes
    Så er kriteriet "samfundsvidenskabelig-uddannelse" "opfyldt" for "samf"
    Og kriteriet "samfundsvidenskabelig-uddannelse" er "opfyldt" for "jurist"
    Og kriteriet "samfundsvidenskabelig-uddannelse" er "delvist" for "humanist"

  Scenarie: Erfaring fra en kommune og en formel lederuddannelse ser vi gerne
    Givet kandidaten "kommunal"
    Og kandidaten har været mellemleder i "Brøndby Kommune" (kommune) i 8 år og ledet 0 ledere
    Og kandidaten har ledelsesuddannelsen "Diplom i ledelse" på niveau "diplom"
    Når kandidaten screenes
    Så er kriteriet "kommunalt-kendskab" "opfyldt"
    Og kriteriet "politisk-ledet-organisation" er "opfyldt"
    Og kriteriet "formel-lederuddannelse" er "opfyldt"
    Og kriteriet "ledelseserfaring" er "opfyldt"

  Scenarie: Værdierne Mod, Helhed og Relationer vurderes i samtalerne
    Givet kandidaten "vaerdier"
    Og kandidaten er vurderet til 4 på "albertslund_mod" i "samtale2"
    Og kandidaten er vurderet til 3 på "albertslund_relationer" i "samtale2"
    Når kandidaten screenes
    Så er kriteriet "albertslund-mod" "opfyldt"
    Og kriteriet "albertslund-relationer" er "delvist"
    Og kriteriet "albertslund-helhed" er "ikke belyst"

  Scenarie: Referencer indgår ikke i denne proces
    Givet kandidaten "reference"
    Og kandidaten er vurderet til 5 på "politisk_taeft" i "reference"
    Når kandidaten screenes
    Så er kriteriet "politisk-taeft" "ikke belyst"
