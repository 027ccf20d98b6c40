# language: da
Egenskab: Centerchef i Ishøj Kommune
  Arbejdsgrundlaget for direktion og koncernledelse, "Rollen som centerchef": "Centercheferne
  leder deres eget centers fagområde(r)" og indgår i koncernledelsen. Ét krav efter
  konsulentens skøn (ledelse af ledere, læst i CV'et); resten er ønsker.

  Baggrund:
    Givet profilen "ishoj-centerchef"

  Scenarie: En centerchef fra en anden kommune har ledet ledere
    Givet kandidaten "centerchef"
    Og kandidaten har været chef i "Greve Kommune" (kommune) i 8 år og ledet 7 ledere
    Når kandidaten screenes
    Så er kriteriet "ledelse-af-ledere" "opfyldt"
    Og kriteriet "leder-eget-fagcenter" er "delvist"
    Og der er ingen foreslåede knock-outs

  Scenarie: En koordinator uden ledere under sig er en foreslået knock-out
    Givet kandidaten "koordinator"
    Og kandidaten har været førstelinjeleder i "Ishøj Kommune" (kommune) i 10 år og ledet 0 ledere
    Når kandidaten screenes
    Så er der foreslået knock-out på "ledelse-af-ledere"
    Og anbefalingen er "knockout_foreslået"

  Scenarie: Chef i en privat virksomhed opfylder kravet, men ikke den politiske del af rollen
    Givet kandidaten "privat"
    Og kandidaten har været chef i "Nordisk Service A/S" (privat) i 9 år og ledet 6 ledere
    Når kandidaten screenes
    Så er kriteriet "ledelse-af-ledere" "opfyldt"
    Og kriteriet "leder-eget-fagcenter" er "ikke belyst"

  Scenarie: Samarbejdet mellem centerchefer vurderes i samtale og reference
    Givet kandidaten "enegaenger"
    Og kandidaten har været chef i "Region Hovedstaden" (region) i 6 år og ledet 4 ledere
    Og kandidaten er vurderet til 5 på "samarbejde_centerchefer" i "samtale1"
    Og kandidaten er vurderet til 2 på "samarbejde_centerchefer" i "reference"
    Når kandidaten screenes
    Så er kilderne uenige om "samarbejde-mellem-centerchefer"
    Og kriteriet "samarbejde-mellem-centerchefer" er "delvist"
    Og der er ingen foreslåede knock-outs
