# language: da
Egenskab: Direktør, Helsingør – acceptkriterier i konsulentens ord
  "Det er afgørende, at du har ledelseserfaring på højt niveau fra en politisk styret
  organisation, herunder erfaring med ledelse af ledere." Skrevet, som en konsulent fra
  MUUSMANN ville skrive dem til ansættelsesudvalget: ansøgere i prosa, stadier efter
  processen og udfald i udvalgets ord.

  Baggrund:
    Givet stillingen som Direktør, Helsingør

  Scenarie: En centerchef med afdelingsledere under sig lever op til de afgørende krav
    Givet en ansøger, der i seks år har været centerchef i Roskilde Kommune med syv afdelingsledere under sig
    Når ansøgeren screenes på ansøgningstidspunktet
    Så lever ansøgeren op til kravet om ledelseserfaring på højt niveau
    Og ansøgeren lever op til kravet om ledelse af ledere
    Og ansøgeren lever op til kriteriet om bred indsigt i kommunernes opgaver
    Og ansøgeren foreslås ikke frasorteret

  Scenarie: Topledelse i en privat virksomhed er kun delvist ledelse i en politisk styret organisation
    Givet en ansøger, der i otte år har været administrerende direktør i LæringsTech ApS med fem ledere under sig
    Og ansøgeren har aldrig arbejdet i det offentlige
    Når ansøgeren screenes
    Så lever ansøgeren kun delvist op til kravet om ledelseserfaring fra en politisk styret organisation
    Og ansøgeren lever op til kravet om ledelse af ledere
    Men kriteriet om bred indsigt i kommunernes opgaver er ikke belyst

  Scenarie: En skoleleder uden ledere under sig skal udvalget tage stilling til
    Givet en ansøger, der i otte år har været skoleleder i Helsingør Kommune uden ledere under sig
    Når ansøgeren screenes på ansøgningstidspunktet
    Så lever ansøgeren ikke op til kravet om ledelse af ledere
    Og udvalget skal tage stilling til kravet om ledelse af ledere
    Og udvalget skal tage stilling til ledelseserfaring på højt niveau
    Og ansøgeren går ikke videre

  Scenarie: Et CV uden antal ledere er ikke belyst og ingen grund til frasortering
    Givet en ansøger, der siden 2014 har været centerchef i Region Hovedstaden
    Når ansøgeren screenes på ansøgningstidspunktet
    Så er kravet om ledelse af ledere ikke belyst
    Og ansøgeren foreslås ikke frasorteret
    Og ansøgeren er utilstrækkeligt belyst

  Scenarie: En skolechef har indsigt i skoleområdet
    Givet en ansøger, der i ni år har været skolechef i Helsingør Kommune med 18 skoleledere under sig
    Når ansøgeren screenes
    Så lever ansøgeren op til kriteriet om indsigt i skoleområdet
    Og ansøgeren opfylder kriteriet om bred indsigt i kommunernes opgaver
    Og alle krav er opfyldt

  Scenarie: Erfaring fra dagtilbud alene giver kun delvis indsigt i skoleområdet
    Givet en ansøger, der i fem år har været dagtilbudschef i Fredensborg Kommune med tolv ledere under sig
    Når ansøgeren screenes
    Så lever ansøgeren kun delvist op til kriteriet om indsigt i skoleområdet

  Scenarie: Tidligere stillinger tæller med i den kommunale erfaring
    Givet en ansøger, der i to år har været direktør i Region Sjælland med fire chefer under sig
    Og før det var ansøgeren i seks år kontorchef i Gribskov Kommune med tre ledere under sig
    Når ansøgeren screenes
    Så lever ansøgeren op til kriteriet om bred indsigt i kommunernes opgaver

  Scenarie: Mediehåndtering vægtes positivt, særligt som rådgiver
    Givet ansøgeren Ida, der har rådgivet borgmesteren om mediehåndtering
    Givet ansøgeren Kim, der har stået for mediehåndteringen i sin forvaltning
    Når ansøgerne screenes
    Så lever Ida op til ønsket om mediehåndtering
    Og Kim lever kun delvist op til ønsket om mediehåndtering
    Og ingen af ansøgerne foreslås frasorteret

  Scenarie: En master i offentlig ledelse er den ledelsesmæssige efteruddannelse, profilen nævner
    Givet en ansøger med en master i offentlig ledelse fra 2016
    Og ansøgeren har en cand.pæd. fra 2001
    Når ansøgeren screenes
    Så lever ansøgeren op til ønsket om ledelsesmæssig efteruddannelse

  Scenarie: Uden lederuddannelse er ønsket om efteruddannelse ikke opfyldt, men det er intet krav
    Givet en ansøger med en professionsbachelor som lærer
    Og ansøgeren har ingen lederuddannelse
    Når ansøgeren screenes
    Så lever ansøgeren ikke op til ønsket om ledelsesmæssig efteruddannelse
    Og ansøgeren foreslås ikke frasorteret

  Scenarie: Referencen tæller først, når referencerne er taget
    Givet en ansøger
    Og referencen giver 5 i ordentlighed
    Når ansøgeren screenes til første samtale
    Så er ønsket om ordentlighed ikke belyst
    Men efter referencerne lever ansøgeren op til ønsket om ordentlighed

  Scenarie: Samtale og reference, der er langt fra hinanden, lægges frem for udvalget
    Givet en ansøger
    Og i første samtale vurderes ansøgeren til 5 i gennemslagskraft
    Og referencen giver 2 i gennemslagskraft
    Når ansøgeren screenes efter referencerne
    Så er kilderne uenige om gennemslagskraft
    Og udvalget skal tage stilling til gennemslagskraft
    Og kilderne er ikke uenige om relationelle kompetencer

  Abstrakt Scenario: <kilde> vurderer de relationelle kompetencer til <score>
    Givet en ansøger
    Og <kilde> giver <score> i relationelle kompetencer
    Når ansøgeren screenes efter anden samtale
    Så er ønsket om særdeles stærke relationelle kompetencer <udfald>

    Eksempler:
      | kilde          | score | udfald       |
      | første samtale | fem   | opfyldt      |
      | testen         | 4     | opfyldt      |
      | referencen     | tre   | delvist      |
      | anden samtale  | 2     | ikke opfyldt |

  Scenarie: Af de fire første eksempelkandidater er den stærkeste børne- og ungedirektøren
    Givet ansøgerne k01-mette-kjaer, k02-anders-lykke, k03-sofie-brandt og k04-jonas-vestergaard fra eksemplerne
    Når ansøgerne screenes
    Så er den bedste Mette Kjær
    Og Mette Kjær går videre
    Og Mette Kjær ligger før Anders Lykke
    Og forklaringen for Mette Kjær nævner "Master of Public Administration"

  Scenarie: Et 3-tal i første samtale er foreløbigt, så længe anden samtale kan løfte det
    Givet en ansøger, der i seks år har været centerchef i Roskilde Kommune med syv afdelingsledere under sig
    Og i første samtale vurderes ansøgeren til 3 i ledelse gennem andre
    Når ansøgeren screenes efter første samtale
    Så lever ansøgeren kun delvist op til ønsket om ledelse gennem andre
    Og ønsket om ledelse gennem andre er kun foreløbigt vurderet
    Og ønsket om ledelse gennem andre kan endnu give op til 2,0 point
    Men efter anden samtale kan ønsket om ledelse gennem andre ikke give flere point

  Scenarie: Formandens beslutning om en foreslået knock-out følger ansøgeren
    Givet en ansøger, der i otte år har været administrerende direktør i LæringsTech ApS med fem ledere under sig
    Når ansøgeren screenes på ansøgningstidspunktet
    Og formanden underkender den foreslåede knock-out for ansøgeren med begrundelsen "Topledelse med offentlige kunder; det politiske niveau belyses i 2. samtale"
    Så viser forklaringen for ansøgeren beslutningen
    Og ansøgeren går videre
    Men efter første samtale viser forklaringen for ansøgeren den tidligere beslutning
