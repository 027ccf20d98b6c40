# language: da
Egenskab: Leder af Sekretariat for Politik, Jura, Kommunikation & Udvikling, Albertslund – i konsulentens ord
  De fem væsentlige kompetencer er krav, der belyses i samtaler og test; uddannelse og
  erfaring er ønsker ("vi forestiller os", "ser gerne"), som læses i ansøgningen.

  Baggrund:
    Givet profilen for lederen af Sekretariat for Politik, Jura, Kommunikation & Udvikling

  Scenarie: En cand.scient.pol. er den samfundsvidenskabelige kandidatuddannelse, profilen forestiller sig
    Givet en ansøger, der har en cand.scient.pol. fra 2009
    Når ansøgeren screenes på ansøgningstidspunktet
    Så lever ansøgeren op til ønsket om en samfundsvidenskabelig kandidatuddannelse

  Scenarie: En cand.jur. er "lignende"
    Givet en kandidat med en cand.jur. fra Københavns Universitet
    Når kandidaten screenes på ansøgningstidspunktet
    Så opfylder kandidaten ønsket om en samfundsvidenskabelig kandidatuddannelse eller lignende

  Scenarie: En anden kandidatuddannelse opfylder kun delvist ønsket om uddannelse
    Givet en ansøger med en cand.mag. i historie fra 2004
    Når ansøgeren screenes på ansøgningstidspunktet
    Så lever ansøgeren kun delvist op til ønsket om en samfundsvidenskabelig uddannelse

  Scenarie: En leder fra det private kender ikke det kommunale, men frasorteres ikke for det
    Givet en ansøger, der i fem år har været kommunikationschef i Novo Nordisk A/S med to teamledere under sig
    Og ansøgeren har aldrig arbejdet i det offentlige
    Når ansøgeren screenes på ansøgningstidspunktet
    Så lever ansøgeren op til ønsket om erfaring med ledelse
    Men ansøgeren lever ikke op til ønsket om kendskab til det kommunale område
    Og ansøgeren lever ikke op til ønsket om kendskab til en politisk ledet organisation
    Og ansøgeren foreslås ikke frasorteret

  Scenarie: En diplomuddannelse i ledelse er en formel lederuddannelse
    Givet en ansøger med en diplomuddannelse i ledelse fra 2019
    Når ansøgeren screenes på ansøgningstidspunktet
    Så lever ansøgeren op til ønsket om en formel lederuddannelse på diplom- eller masterniveau

  Scenarie: På ansøgningstidspunktet er de væsentlige kompetencer endnu ikke belyst
    Givet en ansøger, der i tre år har været sekretariatschef i Ballerup Kommune med fire medarbejdere under sig
    Når ansøgeren screenes på ansøgningstidspunktet
    Så er kravet om politisk tæft ikke belyst
    Og kravet om struktureret ledelsesstil er ikke belyst
    Og ansøgeren foreslås ikke frasorteret
    Og de faglige kompetencer er kun delvist belyst

  Scenarie: En lav score i ledelsestesten er noget, udvalget skal tage stilling til
    Givet en ansøger
    Og testen viser 2 i struktureret ledelsesstil
    Og i første samtale vurderes ansøgeren til 4 i struktureret ledelsesstil
    Når ansøgeren screenes efter testen
    Så lever ansøgeren ikke op til kravet om en struktureret ledelsesstil
    Og udvalget skal tage stilling til kravet om struktureret ledelsesstil
    Og ansøgeren går ikke videre

  Scenarie: Politisk tæft belyst i begge samtaler
    Givet en ansøger
    Og i første samtale vurderes ansøgeren til 4 i politisk tæft
    Og til anden samtale vurderes ansøgeren til fem i politisk tæft
    Når ansøgeren screenes til anden samtale
    Så lever ansøgeren op til kravet om politisk tæft
    Og forklaringen nævner "Politisk tæft"

  Abstrakt Scenario: Kravet om proces- og forandringsledelse ved <score> i <kilde>
    Givet en ansøger
    Og <kilde> giver <score> i proces- og forandringsledelse
    Når ansøgeren screenes til anden samtale
    Så er kravet om sikker proces- og forandringsledelse <udfald>

    Eksempler:
      | kilde          | score | udfald       |
      | første samtale | 4     | opfyldt      |
      | testen         | tre   | delvist      |
      | anden samtale  | 1     | ikke opfyldt |

  Scenarie: Af to ansøgere foreslås den ene frasorteret efter testen
    Givet ansøgeren Sara, der i seks år har været chef for borgmesterens sekretariat i Høje-Taastrup Kommune med tre ledere under sig
    Og testen viser 4 i politisk tæft
    Givet ansøgeren Jonas, der i fire år har været kontorchef i Finansministeriet med to ledere under sig
    Og testen viser 1 i politisk tæft
    Når ansøgerne screenes efter testen
    Så foreslås 1 af 2 ansøgere frasorteret
    Og udvalget skal tage stilling til Jonas
    Og Sara foreslås ikke frasorteret

  Scenarie: Ingen af eksemplernes ansøgere frasorteres på ansøgningen alene
    Givet alle ansøgerne fra eksemplerne
    Når ansøgerne screenes på ansøgningstidspunktet
    Så af 8 ansøgere foreslås ingen frasorteret
    Men efter anden samtale er den bedste Nanna Juul
    Og efter anden samtale skal udvalget tage stilling til Helle Winther
    Og efter anden samtale foreslås Jakob Tang frasorteret på kravet om gode relationelle kompetencer

  Scenarie: Efter referencerne er Nanna den eneste uden foreslået knock-out, der er belyst nok
    Givet alle ansøgerne fra eksemplerne
    Når ansøgerne screenes efter referencerne
    Så er Nanna den bedste
    Og Nanna afventer belysning
    Og scoren for Nanna er mindst 70
    Og Mia er utilstrækkeligt belyst
    Og udvalget skal tage stilling til Mia
    Og Kasper foreslås frasorteret på kravet om struktureret ledelsesstil
    Og går Nanna videre, når der tages to
