# language: da
Egenskab: Direktør, Ishøj – i konsulentens ord
  Arbejdsgrundlaget for direktion og koncernledelse: topledelse i en politisk styret
  organisation og en enhedsdirektion, hvor direktørerne samarbejder og involverer sig i
  hinandens områder, er afgørende. Resten er ønsker fra arbejdsgrundlaget.

  Baggrund:
    Givet profilen "Direktør, Ishøj Kommune"

  Scenarie: En direktør fra nabokommunen lever op til kravet om topledelse
    Givet en ansøger, der i syv år har været direktør i Vallensbæk Kommune med fem centerchefer under sig
    Når ansøgeren screenes på ansøgningstidspunktet
    Så lever ansøgeren op til kravet om topledelse i en politisk styret organisation
    Og ansøgeren foreslås ikke frasorteret

  Scenarie: En centerchef er også topledelse
    Givet en ansøger, der i seks år har været centerchef i Roskilde Kommune med syv afdelingsledere under sig
    Når ansøgeren screenes på ansøgningstidspunktet
    Så lever ansøgeren op til kravet om topledelse

  Scenarie: Topledelse i en privat virksomhed er kun delvist topledelse i en politisk styret organisation
    Givet en ansøger, der i ni år har været administrerende direktør i Vestegnens Facility A/S
    Når ansøgeren screenes på ansøgningstidspunktet
    Så lever ansøgeren kun delvist op til kravet om topledelse
    Og nævner forklaringen "Vestegnens Facility A/S"

  Scenarie: En afdelingsleder skal udvalget tage stilling til
    Givet en ansøger, der i ti år har været afdelingsleder i Greve Kommune med tre teamledere under sig
    Når ansøgeren screenes på ansøgningstidspunktet
    Så lever ansøgeren ikke op til kravet om topledelse
    Og udvalget skal tage stilling til kravet om topledelse
    Og ansøgeren går ikke videre

  Scenarie: Enhedsdirektionen er afgørende, og en lav reference afgør kravet
    Givet en ansøger
    Og i første samtale vurderes ansøgeren til 5 i enhedsdirektion
    Og referencen giver 2 i enhedsdirektion
    Når ansøgeren screenes efter referencerne
    Så lever ansøgeren ikke op til kravet om enhedsdirektion
    Og kilderne er uenige om enhedsdirektionen
    Og ansøgeren foreslås frasorteret på enhedsdirektionen

  Scenarie: Før første samtale er enhedsdirektionen ikke belyst
    Givet en ansøger, der i ti år har været chef i Ishøj Kommune med seks ledere under sig
    Når ansøgeren screenes på ansøgningstidspunktet
    Så er kravet om enhedsdirektion ikke belyst
    Og kravet om topledelse er opfyldt
    Og ansøgeren foreslås ikke frasorteret

  Scenarie: Koncernledelsens ansvar fra arbejdsgrundlaget vurderes også
    Givet en ansøger
    Og til anden samtale vurderes ansøgeren til 4 i helhed og tværgående perspektiv
    Når ansøgeren screenes efter anden samtale
    Så lever ansøgeren op til ønsket om helhed og tværgående perspektiv
    Og de ledelsesmæssige kompetencer er kun delvist belyst

  Scenarie: Rådgivning af politikerne belyses først i samtalen
    Givet en ansøger
    Og i første samtale vurderes ansøgeren til tre i rådgivning af politikerne
    Når ansøgeren screenes på ansøgningstidspunktet
    Så er ønsket om at understøtte og rådgive politikerne ikke belyst
    Men til første samtale lever ansøgeren kun delvist op til ønsket om at understøtte og rådgive politikerne

  Scenarie: Af tre ansøgere foreslås afdelingslederen frasorteret, og de to direktører går videre
    Givet ansøgeren Susanne, der i syv år har været direktør i Vallensbæk Kommune med fem ledere under sig
    Og i første samtale vurderes Susanne til 5 i enhedsdirektion
    Givet ansøgeren Bo, der i seks år har været centerchef i Albertslund Kommune med syv ledere under sig
    Og i første samtale vurderes Bo til 4 i enhedsdirektion
    Og i første samtale vurderes Bo til 2 i helhed og tværgående perspektiv
    Givet ansøgeren Martin, der i ti år har været afdelingsleder i Greve Kommune med tre ledere under sig
    Og i første samtale vurderes Martin til 4 i enhedsdirektion
    Når ansøgerne screenes til første samtale
    Så foreslås 1 af 3 ansøgere frasorteret
    Og de to bedste er Susanne og Bo
    Og udvalget skal tage stilling til Martin

  Scenarie: To direktører med samme CV deler pladsen, indtil første samtale skiller dem
    Givet ansøgeren Susanne, der i syv år har været direktør i Vallensbæk Kommune med fem ledere under sig
    Og i første samtale vurderes Susanne til 5 i enhedsdirektion
    Givet ansøgeren Bo, der i syv år har været direktør i Albertslund Kommune med fem ledere under sig
    Og i første samtale vurderes Bo til 3 i enhedsdirektion
    Når ansøgerne screenes på ansøgningstidspunktet
    Så deler Susanne og Bo førstepladsen
    Men efter første samtale ligger Susanne før Bo

  Abstrakt Scenario: Enhedsdirektionen vurderet til <score> i <kilde>
    Givet en ansøger
    Og <kilde> giver <score> i enhedsdirektion
    Når ansøgeren screenes efter anden samtale
    Så er kravet om enhedsdirektion <udfald>

    Eksempler:
      | kilde          | score | udfald       |
      | første samtale | 4     | opfyldt      |
      | referencen     | 3     | delvist      |
      | anden samtale  | to    | ikke opfyldt |
