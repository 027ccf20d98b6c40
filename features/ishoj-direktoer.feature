# language: da
Egenskab: Direktør i Ishøj Kommune
  Arbejdsgrundlaget for direktion og koncernledelse: "Som øverste administrative ledelse i en
  politisk styret organisation …" og "det afgørende, at vi i direktionen formår at samarbejde
  og involvere os i hinandens direktørområder".

  Baggrund:
    Givet profilen "ishoj-direktoer"

  Scenarie: En direktør fra en anden kommune opfylder kravet om topledelse
    Givet kandidaten "direktoer"
    Og kandidaten har været direktion i "Vallensbæk Kommune" (kommune) i 7 år og ledet 5 ledere
    Når kandidaten screenes
    Så er kriteriet "topledelse-politisk-styret" "opfyldt"
    Og der er ingen foreslåede knock-outs

  Scenarie: Topledelse i en privat virksomhed er kun delvist opfyldt og en foreslået knock-out
    Givet kandidaten "privat"
    Og kandidaten har været direktion i "Vestegnens Facility A/S" (privat) i 9 år og ledet 6 ledere
    Når kandidaten screenes
    Så er kriteriet "topledelse-politisk-styret" "delvist opfyldt"
    Og der er foreslået knock-out på "topledelse-politisk-styret"
    Og anbefalingen er "Krav kun delvist opfyldt: foreslået knock-out til vurdering"

  Scenarie: En mellemleder er en foreslået knock-out på topledelse
    Givet kandidaten "mellemleder"
    Og kandidaten har været mellemleder i "Greve Kommune" (kommune) i 10 år og ledet 3 ledere
    Når kandidaten screenes
    Så er der foreslået knock-out på "topledelse-politisk-styret"
    Og anbefalingen er "knockout_foreslået"

  Scenarie: Enhedsdirektionen er afgørende, og en lav reference afgør kravet
    Givet kandidaten "centerchef"
    Og kandidaten er vurderet til 5 på "enhedsdirektion" i "samtale1"
    Og kandidaten er vurderet til 2 på "enhedsdirektion" i "reference"
    Når kandidaten screenes
    Så er der foreslået knock-out på "enhedsdirektion"
    Og kilderne er uenige om "enhedsdirektion"

  Scenarie: Før samtalen er enhedsdirektionen ikke belyst
    Givet kandidaten "ansoeger"
    Og kandidaten har været chef i "Ishøj Kommune" (kommune) i 10 år og ledet 6 ledere
    Når kandidaterne screenes til stadiet "ansøgning"
    Så er kriteriet "enhedsdirektion" "ikke belyst"
    Og der er ingen foreslåede knock-outs

  Scenarie: Koncernledelsens ansvar fra modulet vurderes også
    Givet kandidaten "koncern"
    Og kandidaten er vurderet til 4 på "ishoj_helhed_tvaergaaende" i "samtale2"
    Og kandidaten har erfaring med "økonomistyring" som "ansvarlig"
    Når kandidaten screenes
    Så er kriteriet "ishoj-helhed-og-tvaergaaende-perspektiv" "opfyldt"
    Og kriteriet "ishoj-rettidig-omhu-oekonomi" er "delvist"
