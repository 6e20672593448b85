"""A blind labelled set for the quality of matching, ``held_out_dec7a``: written on 6 December 2026 by a
writer who had read neither the engine's vocabulary nor its meaning and matching code, nor any other
labelled set's pupils, nor the bench's output or misses.

The school: a large school of about 1,600 pupils in a regional centre. It has cadet classes of two
kinds — МЧС («К»: 5К–11К) and police («П»: 7П–10П) — a sports class («С») for hockey, cross-country
skiing and biathlon whose pupils miss lessons for training camps, an engineering class («И», grades 10–11,
and a pre-profile 9И) with a partner factory (АО «Электромашзавод») that gives an external mentor, a media
centre (school TV, the newspaper «Переменка»), a museum of military glory with a search squad, a
volunteer squad, Юнармия, first aid training, and a strong primary school (1–4). The harder side: pupils
with ОВЗ (ДЦП, autism spectrum, hearing impairment, epilepsy), pupils at risk (КДН/ПДН, truancy, fights,
bullying, signs of self-harm that go to the psychologist), newcomers from other regions, bilingual pupils
who speak Armenian, Tajik or Yakut at home, gifted pupils bored at lessons, sports pupils falling behind,
exam anxiety, and career choice (military academy, МЧС, police, medicine, IT, engineering, journalism).

Mentors are written as the school fills its mentors' spreadsheet: free phrases, abbreviations, grade
ranges in varied notations, some with none. Three senior pupils are peer mentors. A pupil's ``right``
mentors are those the school psychologist would accept, her first choice first, taking the grade, the
mentor's preferred grades and ОВЗ / at-risk training into account; a refusal or a conflict named in the
request is honoured. Comments mark each pupil easy, medium or hard as the writer judged it.
"""

from .quality_set import Pupil, Teacher

DEC7A_MENTORS: list[Teacher] = [
    Teacher(
        key="obzh_ofitser",
        competencies=[
            "ОБЖ (ОЗР), начальная военная подготовка",
            "поступление в военные вузы: документы через военкомат, ВВК, профотбор, физо",
            "строевая и огневая подготовка, неполная разборка АК",
            "командир отряда Юнармии",
            "подполковник запаса, 25 лет службы",
            "умеет работать с «трудными» пацанами",
        ],
        subject="ОБЖ",
        interests=["военная история", "рыбалка", "пейнтбол"],
        age=54,
        capacity=10,
        at_risk_experience=True,
        preferred_grades="с 7 класса",
    ),
    Teacher(
        key="kurator_mchs",
        competencies=[
            "куратор кадетских классов МЧС",
            "первая помощь — инструктор ПМП, СЛР, перевязки",
            "пожарно-спасательный спорт",
            "поступление в Академию ГПС МЧС, пожарно-спасательный колледж",
            "бывший начальник караула пожарной части",
        ],
        subject="Кадетские классы МЧС",
        interests=["туризм, выживание в лесу", "волейбол"],
        age=46,
        capacity=10,
        preferred_grades="5–11 (в основном кадеты МЧС)",
    ),
    Teacher(
        key="kurator_police",
        competencies=[
            "кл. руководитель полицейских кадетов 8П–10П",
            "правовое просвещение, основы законодательства РФ",
            "профилактика правонарушений (бывший инспектор ПДН)",
            "поступление в вузы МВД, юридический институт",
            "обществознание ОГЭ/ЕГЭ, ВсОШ по праву",
        ],
        subject="Обществознание, право",
        interests=["самбо", "детективы"],
        age=49,
        capacity=10,
        at_risk_experience=True,
        preferred_grades="7-11 кл.",
    ),
    Teacher(
        key="trener_hockey",
        competencies=[
            "тренер по хоккею, спортивный класс",
            "как совмещать тренировки и учёбу, режим дня",
            "командный дух, дисциплина",
            "КМС по хоккею с шайбой",
            "секция вместо улицы — брал в команду ребят с учёта",
        ],
        subject="Физическая культура",
        interests=["хоккей", "рыбалка"],
        age=41,
        capacity=8,
        at_risk_experience=True,
        preferred_grades="5-11, в первую очередь спортклассы",
    ),
    Teacher(
        key="trener_ski",
        competencies=[
            "тренер-преподаватель по лыжным гонкам и биатлону",
            "ГТО, подготовка к нормативам",
            "стрельба из пневматической винтовки",
            "выносливость, самодисциплина",
            "сборы и соревнования — как не запустить учёбу",
        ],
        subject="Физкультура / ДЮСШ",
        interests=["биатлон", "туризм", "охота"],
        age=37,
        capacity=9,
        preferred_grades="с 4 кл.",
    ),
    Teacher(
        key="inzhener_zavod",
        competencies=[
            "инженер-конструктор АО «Электромашзавод» (партнёр школы)",
            "проекты инженерного класса, чертежи, КОМПАС-3D",
            "целевое обучение, экскурсии на производство",
            "профориентация: технические вузы и колледжи, рабочие профессии",
            "станки с ЧПУ, 3D-печать",
        ],
        interests=["авиамоделизм", "автомобили", "радиотехника"],
        age=39,
        capacity=8,
        preferred_grades="старшие (9–11)",
    ),
    Teacher(
        key="informatik",
        competencies=[
            "информатика ОГЭ/ЕГЭ",
            "программирование на Python",
            "робототехника, Arduino",
            "олимпиады по информатике",
            "IT-профессии: куда поступать",
            "есть опыт со слабослышащими и детьми с ОВЗ",
        ],
        subject="Информатика",
        interests=["геймдев", "электроника"],
        age=33,
        capacity=11,
        special_needs_trained=True,
        preferred_grades="6-11 кл.",
    ),
    Teacher(
        key="matematik",
        competencies=[
            "математика: ОГЭ, ЕГЭ профиль и база",
            "восполнение пробелов, у кого 2 и 3",
            "математика для инженерного класса",
            "олимпиадная математика",
            "кл. рук-ль 7В",
        ],
        subject="Математика",
        interests=["шахматы", "дача"],
        age=51,
        capacity=12,
        preferred_grades="5–11",
    ),
    Teacher(
        key="russkiy_rki",
        competencies=[
            "русский язык и литература",
            "ОГЭ/ЕГЭ по русскому, итоговое сочинение, итоговое собеседование",
            "русский как неродной (РКИ): дети-билингвы, дети мигрантов",
            "дисграфия, грамотность",
            "читательский клуб",
        ],
        subject="Русский язык и литература",
        interests=["поэзия", "театр"],
        age=45,
        capacity=12,
        special_needs_trained=True,
    ),
    Teacher(
        key="media",
        competencies=[
            "руководитель школьного медиацентра",
            "школьное ТВ: съёмка, монтаж, работа ведущим в кадре",
            "газета «Переменка»: журналистика, интервью, репортаж",
            "SMM, блогинг, соцсети школы",
            "поступление на журфак, творческий конкурс",
        ],
        subject="Медиацентр (доп. образование)",
        interests=["фото", "кино", "подкасты"],
        age=31,
        capacity=10,
        preferred_grades="с 6 по 11",
    ),
    Teacher(
        key="muzey",
        competencies=[
            "руководитель музея боевой славы",
            "поисковый отряд, Вахта памяти",
            "экскурсоводы, краеведение",
            "история ОГЭ/ЕГЭ, ВсОШ по истории",
            "поиск сведений о родственниках-фронтовиках, архивы",
        ],
        subject="История",
        interests=["военная история", "реконструкция"],
        age=63,
        capacity=9,
        preferred_grades="5-11 кл.",
    ),
    Teacher(
        key="psiholog",
        competencies=[
            "педагог-психолог",
            "тревожность, страх экзаменов",
            "конфликты, буллинг, травля",
            "самоповреждения, кризисные состояния (вместе с родителями)",
            "адаптация 1-х, 5-х, 10-х классов и новеньких",
            "профориентационная диагностика",
            "сопровождение детей с ОВЗ, РАС",
        ],
        interests=["арт-терапия", "йога"],
        age=36,
        capacity=12,
        special_needs_trained=True,
        at_risk_experience=True,
    ),
    Teacher(
        key="socped",
        competencies=[
            "социальный педагог",
            "учёт КДН и ПДН, ВШУ, совет профилактики",
            "пропуски, прогулы",
            "семьи в СОП, опекаемые дети",
            "дети мигрантов и семьи, переехавшие из других регионов",
            "конфликты с учителями, школьная служба медиации",
        ],
        interests=["настольные игры", "садоводство"],
        age=48,
        capacity=12,
        at_risk_experience=True,
        preferred_grades="5–11",
    ),
    Teacher(
        key="logoped",
        competencies=[
            "учитель-логопед, дефектолог",
            "нарушения речи, звукопроизношение",
            "дети с ОВЗ: ДЦП, РАС, нарушения слуха (кохлеарная имплантация)",
            "дисграфия, дислексия у младших",
            "АООП, сопровождение инклюзии",
        ],
        subject="Логопедия",
        interests=["сказкотерапия", "рукоделие"],
        age=42,
        capacity=9,
        special_needs_trained=True,
        preferred_grades="1–6 кл.",
    ),
    Teacher(
        key="nachalka",
        competencies=[
            "учитель нач. классов высшей категории",
            "одарённые младшие, олимпиады 2–4 кл. (Кенгуру, Русский медвежонок)",
            "адаптация первоклассников",
            "техника чтения",
            "Лего-конструирование, Scratch для малышей",
            "работаю в инклюзивном классе",
        ],
        subject="Начальные классы",
        interests=["рисование", "квиллинг"],
        age=50,
        capacity=11,
        special_needs_trained=True,
        preferred_grades="1–4",
    ),
    Teacher(
        key="biolog_med",
        competencies=[
            "биология и химия",
            "ЕГЭ биология, ЕГЭ химия",
            "профориентация в медицину: медколледж, медуниверситет",
            "олимпиады по биологии",
            "экологические проекты",
        ],
        subject="Биология, химия",
        interests=["микроскопия", "комнатные растения"],
        age=40,
        capacity=10,
        preferred_grades="8–11",
    ),
    Teacher(
        key="volonter_sovetnik",
        competencies=[
            "советник директора по воспитанию",
            "волонтёрский отряд «Тёплые руки»",
            "Движение первых",
            "лидерство, школьное самоуправление, совет старшеклассников",
            "организация праздников и акций",
            "вовлекаю ребят «без дела» в активности",
        ],
        interests=["КВН", "походы", "гитара"],
        age=26,
        capacity=10,
        at_risk_experience=True,
        preferred_grades="5-11",
    ),
    Teacher(
        key="fizik",
        competencies=[
            "физика ОГЭ/ЕГЭ",
            "физика в инженерном классе, лабораторные работы",
            "электротехника, расчёт цепей",
            "НПК, исследовательские проекты",
        ],
        subject="Физика",
        interests=["радиолюбительство", "астрономия"],
        age=57,
        capacity=8,
        preferred_grades="7–11 кл.",
    ),
    Teacher(
        key="afk_adaptive",
        competencies=[
            "адаптивная физкультура (АФК)",
            "дети с ДЦП и эпилепсией — нагрузка по заключению врача",
            "параспорт, бочча, шахматы",
            "ГТО для детей-инвалидов",
        ],
        subject="Физкультура (АФК)",
        interests=["шахматы", "скандинавская ходьба"],
        age=44,
        capacity=6,
        special_needs_trained=True,
    ),
    Teacher(
        key="peer_11a_it",
        competencies=[
            "помогаю младшим с математикой и информатикой",
            "пишу на Python, сделал телеграм-бота для класса",
            "робототехника — призёр регионального этапа",
        ],
        interests=["киберспорт", "электроника"],
        group_name="11А",
        age=17,
        capacity=6,
        preferred_grades="5-8 кл.",
    ),
    Teacher(
        key="peer_11k_kadet",
        competencies=[
            "кадет 11К, командир взвода",
            "Юнармия, строевая, военно-патриотические сборы",
            "помогу новеньким в кадетском классе освоиться",
            "подготовка к нормативам: турник, бег",
        ],
        interests=["армейский рукопашный бой", "воркаут"],
        group_name="11К",
        age=17,
        capacity=6,
        preferred_grades="7–9, кадеты и юнармейцы",
    ),
    Teacher(
        key="peer_10b_media",
        competencies=[
            "ведущая школьного ТВ",
            "волонтёр",
            "помогаю младшим с русским и английским",
            "сама переехала из Якутска в 7 классе — знаю, как тяжело в новом классе",
        ],
        interests=["рисование, комиксы", "k-pop"],
        group_name="10Б",
        age=16,
        capacity=6,
        preferred_grades="младшее звено 5-7",
    ),
]

HELD_OUT_DEC7A: list[Pupil] = [
    # --- кадеты МЧС ---
    # easy
    Pupil(
        ["поступление в академию МЧС"],
        ("kurator_mchs", "obzh_ofitser"),
        "10К",
        ["ОБЖ"],
        "Хочу стать спасателем как дядя. Интересует академия ГПС в Иванове, что сдавать и какие нормативы",
    ),
    # easy
    Pupil(["первая помощь", "соревнования по пожарно-спасательному спорту"], ("kurator_mchs",), "8К"),
    # medium: adaptation in the cadet class, a near-peer cadet first
    Pupil(
        [],
        ("peer_11k_kadet", "kurator_mchs", "psiholog"),
        "7К",
        [],
        "в кадетке первый год, ничего не получается со строевой, ребята смеются",
    ),
    # hard: a cadet whose request is the maths exam, not the cadet things around it
    Pupil(
        ["ОГЭ по математике"],
        ("matematik",),
        "9К",
        [],
        "Математика - 3, в кадетском с этим строго, могут отчислить из кадетов. Спасателем быть хочет но сейчас главное сдать ОГЭ",
    ),
    # medium: a 6th-grader failing the cadet norms
    Pupil(
        ["выносливость", "нормативы"],
        ("trener_ski", "kurator_mchs"),
        "6К",
        [],
        "бегает плохо, не сдаёт нормативы кадетов, задыхается на 1000 м",
    ),
    # medium
    Pupil(
        ["ЕГЭ физика"],
        ("fizik", "kurator_mchs"),
        "11К",
        ["Физика"],
        "физика нужна для пожарно-технического вуза, пока на пробнике 41 балл",
    ),
    # hard: grief; the father's job is not a request
    Pupil(
        [],
        ("psiholog", "kurator_mchs"),
        "10К",
        [],
        "Отец был пожарным, погиб на вызове в прошлом году. Мальчик замкнулся, в кадетах остался, но оценки упали по всем предметам.",
    ),
    # medium
    Pupil(
        ["походы", "узлы"],
        ("kurator_mchs", "trener_ski"),
        "5К",
        [],
        "хочет в походы с палаткой, научиться вязать узлы как спасатели",
    ),
    # easy
    Pupil(
        ["строевая подготовка"],
        ("peer_11k_kadet", "kurator_mchs"),
        "7К",
        [],
        "кадет МЧС, строевой шаг не получается, на смотре подвёл взвод",
    ),
    # hard: at risk in the cadet class; the cadet curator has no at-risk training
    Pupil(
        ["поведение"],
        ("socped", "psiholog", "obzh_ofitser"),
        "8К",
        [],
        "подрался с одноклассником до сотрясения у того, грозят отчислить из кадетского класса",
        at_risk=True,
    ),
    # hard: epilepsy in the МЧС class
    Pupil(
        [],
        ("psiholog", "afk_adaptive"),
        "8К",
        [],
        "эпилепсия, приступов нет 2 года, в МЧС-класс взяли, но на выезды и сборы не берут — переживает что он не такой как все",
        special_needs=True,
    ),
    # easy: ВсОШ по ОБЖ
    Pupil(["ВсОШ по ОБЖ"], ("obzh_ofitser", "kurator_mchs"), "9К", ["ОБЖ"], "прошёл муниципальный этап"),
    # --- полицейские кадеты ---
    # easy
    Pupil(["поступление в институт МВД"], ("kurator_police", "obzh_ofitser"), "9П"),
    # easy
    Pupil(["право", "обществознание ЕГЭ"], ("kurator_police",), "10П", ["Обществознание"]),
    # hard: at risk, ПДН; the ex-inspector of ПДН first
    Pupil(
        ["поведение", "дисциплина"],
        ("kurator_police", "socped", "psiholog"),
        "8П",
        [],
        "Стоит на учёте в ПДН за драку у ТЦ. В полицейском классе оставили условно, до первого замечания.",
        at_risk=True,
    ),
    # medium
    Pupil(
        [],
        ("kurator_police",),
        "7П",
        [],
        "хочет быть кинологом в полиции, очень любит собак, дома овчарка",
    ),
    # hard: the mother's job and the parents' choice of class are not his request
    Pupil(
        [],
        ("informatik", "psiholog"),
        "9П",
        [],
        "Мама следователь. Сам юристом быть не хочет, хочет в айти, а в полицейский класс его записали родители",
    ),
    # medium
    Pupil(["самбо", "физическая подготовка"], ("kurator_police", "peer_11k_kadet"), "8П"),
    # medium
    Pupil(
        ["физподготовка к поступлению"],
        ("kurator_police", "peer_11k_kadet", "obzh_ofitser"),
        "9П",
        [],
        "в академию МВД нормативы: подтягивания 10 раз, бег 1 км, сейчас подтягивается 3",
    ),
    # medium: police girl who wants forensics (chemistry)
    Pupil(
        [],
        ("kurator_police", "biolog_med"),
        "8П",
        ["Химия"],
        "девочка в полицейском классе, хочет в экспертно-криминалистический отдел, нравится химия",
    ),
    # medium: obshchestvo in an МЧС class
    Pupil(
        ["обществознание"], ("kurator_police",), "10К", ["Обществознание"], "для поступления, по обществу 3"
    ),
    # easy
    Pupil(["ВсОШ право"], ("kurator_police",), "10П", [], "олимпиада по праву, региональный этап в январе"),
    # --- военные вузы, Юнармия ---
    # easy
    Pupil(
        ["поступление в военное училище"],
        ("obzh_ofitser",),
        "11Б",
        [],
        "ВВК, физо, документы через военкомат до 1 апреля",
    ),
    # easy
    Pupil(["Юнармия"], ("obzh_ofitser", "peer_11k_kadet"), "8А"),
    # medium
    Pupil(
        [],
        ("obzh_ofitser",),
        "10А",
        [],
        "хочу в лётное, но зрение минус 1,5. Есть вообще смысл или сразу забыть?",
    ),
    # hard: 6th grade, the ОБЖ teacher takes from 7th — shooting with the biathlon coach, the museum
    Pupil(
        ["стрельба", "армия"],
        ("trener_ski", "muzey", "kurator_mchs"),
        "6В",
        [],
        "6 класс, мечтает о военной форме, просится в юнармейцы. Стрелять уже пробовал у деда в деревне",
    ),
    # medium
    Pupil(["строевая", "сборка-разборка автомата"], ("obzh_ofitser", "peer_11k_kadet"), "9Б", ["ОБЖ"]),
    # hard: negation — the family's military career is what she refuses
    Pupil(
        [],
        ("media", "psiholog"),
        "11А",
        [],
        "Родители военные, все ждут что пойду в военку. Я не хочу. Хочу на журфак, но боюсь им сказать",
    ),
    # medium
    Pupil(
        ["медкомиссия", "ВВК"],
        ("obzh_ofitser",),
        "11К",
        [],
        "у меня плоскостопие 2 степени, возьмут ли в военное?",
    ),
    # --- спортивный класс ---
    # medium: behind after camps, maths first
    Pupil(
        ["отстаю по учёбе из-за тренировок"],
        ("matematik", "trener_hockey"),
        "7С",
        [],
        "сборы в Челябинске, пропустил 2 недели, хвосты по алгебре и геометрии",
    ),
    # easy
    Pupil(["биатлон"], ("trener_ski",), "6С"),
    # easy
    Pupil(["лыжи, хочу выполнить КМС"], ("trener_ski",), "8С", ["Физическая культура"]),
    # medium
    Pupil(
        [],
        ("russkiy_rki", "trener_hockey"),
        "9С",
        [],
        "хоккей забирает всё время, ОГЭ по русскому на грани, учительница говорит не сдаст",
    ),
    # hard: injury, identity
    Pupil(
        [],
        ("psiholog", "trener_hockey"),
        "10С",
        [],
        "Травма колена, врач запретил хоккей на полгода. Не знает чем себя занять, говорит что без хоккея он никто",
    ),
    # medium: sport not named
    Pupil(
        ["режим дня", "успевать уроки"],
        ("trener_hockey", "trener_ski"),
        "5С",
        [],
        "в спортклассе тяжело, утром тренировка, на уроках засыпает",
    ),
    # hard: career conflict with the parents
    Pupil(
        [],
        ("psiholog", "trener_hockey"),
        "11С",
        [],
        "Зовут в молодёжку, родители против — хотят чтобы поступал в вуз. Разрывается, спит по 4 часа",
    ),
    # medium: a 4th-grader, the ski coach takes from the 4th
    Pupil(["лыжи"], ("trener_ski",), "4Б", [], "мальчик очень подвижный, хочет в лыжную секцию"),
    # easy
    Pupil(["ГТО золотой значок"], ("trener_ski",), "7С", ["физкультура"]),
    # hard: expelled by the hockey coach himself — not to him
    Pupil(
        [],
        ("socped", "psiholog"),
        "8С",
        [],
        "Выгнали из хоккейной команды за курение и мат на тренера. Теперь прогуливает, к тренеру идти отказывается",
        at_risk=True,
    ),
    # easy
    Pupil(["биатлон, стрельба лёжа"], ("trener_ski",), "9С", [], "мажу на огневом рубеже, 3-4 промаха"),
    # easy
    Pupil(["хоккей", "вратарь"], ("trener_hockey",), "6С", [], "хочет стать вратарём"),
    # medium
    Pupil(
        [],
        ("trener_ski", "psiholog"),
        "7С",
        [],
        "мама говорит бросай лыжи, оценки упали, а я хочу на первенство области",
    ),
    # hard: an athlete's exam subject
    Pupil(
        ["ЕГЭ", "куда поступать спортсмену"],
        ("biolog_med", "trener_ski"),
        "11С",
        [],
        "биатлонист, хочет в институт физкультуры, а там ЕГЭ по биологии, которую не учил",
    ),
    # --- инженерный класс, физика ---
    # easy
    Pupil(
        ["проект для инженерного класса"],
        ("inzhener_zavod",),
        "10И",
        [],
        "делаем проект с заводом, нужен наставник по чертежам в КОМПАСе",
    ),
    # easy
    Pupil(["целевое обучение на заводе"], ("inzhener_zavod",), "11И"),
    # medium
    Pupil(
        [],
        ("inzhener_zavod", "fizik"),
        "9А",
        [],
        "любит всё разбирать, собрал мопед из запчастей. Думает поступать в инженерный 10-й",
    ),
    # medium: 8th grade, the engineer takes seniors only
    Pupil(
        ["физика", "ОГЭ"],
        ("fizik", "matematik"),
        "8Б",
        [],
        "по физике 3, хочет в инженерный класс, а туда конкурс",
    ),
    # hard: the father's factory is not the request; 6th grade
    Pupil(
        [],
        ("informatik", "peer_11a_it"),
        "6А",
        [],
        "хочу строить роботов и станки как на заводе где папа работает",
    ),
    # easy
    Pupil(["3D-печать", "ЧПУ"], ("inzhener_zavod",), "10И"),
    # hard: negation — in the engineering class by mistake, wants medicine
    Pupil(
        [],
        ("biolog_med",),
        "11И",
        [],
        "В инженерном классе по ошибке, техника не интересна совсем. Хочу в медицинский, химию не тяну",
    ),
    # easy
    Pupil(["физика ЕГЭ"], ("fizik",), "10Б", ["Физика"]),
    # medium
    Pupil(
        ["электротехника", "схемы"],
        ("fizik", "inzhener_zavod"),
        "9И",
        [],
        "паяю дома, хочу понять как считать цепи",
    ),
    # medium
    Pupil(
        [],
        ("inzhener_zavod", "psiholog"),
        "11Г",
        [],
        "Куда после 11 если люблю технику но не сильна в математике? Может колледж?",
    ),
    # hard: 5th grade, nobody from the engineering side takes 5th graders
    Pupil(
        ["инженер", "конструктор"],
        ("peer_11a_it", "matematik"),
        "5Б",
        [],
        "хочет стать конструктором самолётов",
    ),
    # easy
    Pupil(
        ["ЕГЭ профиль математика"],
        ("matematik",),
        "10И",
        [],
        "для инженерного вуза нужно 70+",
    ),
    # medium
    Pupil(
        ["курсовой проект", "исследование"],
        ("fizik", "inzhener_zavod"),
        "11И",
        [],
        "НПК, тема про электродвигатели",
    ),
    # medium: refuses the 10th grade, wants a working trade
    Pupil(
        [],
        ("inzhener_zavod", "psiholog"),
        "9В",
        [],
        "Хочет в колледж на сварщика и потом на завод. Родители говорят иди в 10-й",
    ),
    # --- информатика ---
    # easy
    Pupil(["ОГЭ информатика"], ("informatik",), "9В"),
    # easy
    Pupil(["ЕГЭ по информатике", "поступление на программиста"], ("informatik",), "11Б"),
    # medium
    Pupil(
        [],
        ("informatik", "peer_11a_it"),
        "7А",
        [],
        "сидит в играх сутками, говорит что хочет делать игры сам",
    ),
    # easy
    Pupil(["Python"], ("informatik", "peer_11a_it"), "6Г"),
    # hard: hearing impairment + IT, the informatics teacher has the experience
    Pupil(
        [],
        ("informatik", "psiholog"),
        "10В",
        [],
        "слабослышащий, носит аппарат, увлекается программированием, стесняется переспрашивать на уроках",
        special_needs=True,
    ),
    # medium
    Pupil(
        [],
        ("informatik",),
        "8Г",
        ["Информатика"],
        "олимпиада по информатике, прошёл школьный этап, дальше не знаю как готовиться",
    ),
    # hard: the mother's job is not the request
    Pupil(
        [],
        ("peer_10b_media",),
        "5А",
        [],
        "мама программист в банке, а сама хочет рисовать комиксы",
    ),
    # medium
    Pupil(
        ["сайт", "веб"],
        ("informatik", "media"),
        "9Г",
        [],
        "хочу сделать сайт для школьной газеты",
    ),
    # easy
    Pupil(["Arduino"], ("informatik",), "8В"),
    # medium
    Pupil(
        ["кибербезопасность"],
        ("informatik", "peer_11a_it"),
        "7Г",
        [],
        "хочет стать хакером (хорошим)",
    ),
    # hard: hacked the e-journal — at risk before it is an IT request
    Pupil(
        [],
        ("socped", "kurator_police"),
        "10Г",
        [],
        "взломал электронный дневник и поставил себе пятёрки. Стоит вопрос о постановке на ВШУ. Программирует хорошо",
        at_risk=True,
    ),
    # medium
    Pupil(
        ["портфолио для поступления", "олимпиады"],
        ("informatik",),
        "11А",
        [],
        "IT направление, нужны баллы за олимпиады к ЕГЭ",
    ),
    # medium: areas only
    Pupil([], ("matematik", "informatik", "peer_11a_it"), "6Б", ["Математика", "Информатика"]),
    # --- математика ---
    # easy
    Pupil(["ОГЭ математика"], ("matematik",), "9А", [], "Математика - 3. Боюсь не сдать"),
    # easy
    Pupil(["профильная математика ЕГЭ", "хочу 80+"], ("matematik",), "11В"),
    # medium
    Pupil(
        [],
        ("matematik", "peer_11a_it"),
        "7В",
        [],
        "дроби не понимает ещё с 5 класса, стыдно спросить",
    ),
    # medium
    Pupil(["математика"], ("matematik", "peer_11a_it"), "6Б", ["Математика"]),
    # hard: negation — refuses the maths teacher
    Pupil(
        [],
        ("peer_11a_it", "socped"),
        "8А",
        [],
        "НЕ хочет к математичке (конфликт на уроке, она его выгнала), но по алгебре 2 в четверти",
    ),
    # easy
    Pupil(["олимпиада по математике"], ("matematik",), "10И"),
    # medium: gifted and bored
    Pupil(
        [],
        ("matematik", "peer_11a_it"),
        "5В",
        [],
        "очень способный, решает задачи за 7 класс, на уроках скучно и он мешает",
    ),
    # easy
    Pupil(["подготовка к ОГЭ по матем."], ("matematik",), "9Б", ["Математика"]),
    # easy
    Pupil(["математика 5 класс"], ("matematik", "peer_11a_it"), "5А"),
    # medium
    Pupil(
        [],
        ("matematik", "russkiy_rki"),
        "6В",
        [],
        "Математика - 2, Русский - 3. Мама просит подтянуть хоть что-нибудь",
    ),
    # hard: the exam itself, not the subject
    Pupil(
        [],
        ("psiholog",),
        "11Б",
        [],
        "по математике нормально, боюсь не математику а сам экзамен — в прошлом году на пробнике потеряла сознание",
    ),
    # hard: gifted 6th grader, the physics teacher takes from 7th
    Pupil(
        [],
        ("matematik",),
        "6А",
        [],
        "решает олимпиадную математику и физику за 8-й, на уроках откровенно скучает",
    ),
    # --- русский язык, билингвы ---
    # easy
    Pupil(["ОГЭ русский"], ("russkiy_rki",), "9В"),
    # easy
    Pupil(["итоговое сочинение"], ("russkiy_rki",), "11А"),
    # medium: Tajik at home
    Pupil(
        [],
        ("russkiy_rki", "socped", "peer_10b_media"),
        "5Г",
        [],
        "семья из Таджикистана, дома говорят по-таджикски, по-русски понимает но пишет с ошибками",
    ),
    # medium: Armenian at home, slow reading
    Pupil(
        [],
        ("nachalka", "russkiy_rki"),
        "3А",
        [],
        "дома армянский, по-русски говорит хорошо, читает медленно",
    ),
    # hard: Yakut newcomer, the peer who moved from Yakutsk herself
    Pupil(
        [],
        ("peer_10b_media", "psiholog", "socped"),
        "7Б",
        [],
        "Приехали из Якутии в августе. Шутит что холодно не страшно, но друзей нет, на переменах стоит одна. Дома говорят по-якутски",
    ),
    # medium
    Pupil(
        ["собеседование по русскому", "устная часть"],
        ("russkiy_rki",),
        "9Г",
        [],
        "в России 2 года, стесняется акцента",
    ),
    # hard: no Russian at all in 2nd grade
    Pupil(
        [],
        ("russkiy_rki", "nachalka", "logoped"),
        "2Б",
        [],
        "Ребёнок из Таджикистана, по-русски почти не говорит, не понимает заданий. Родители тоже плохо по-русски",
    ),
    # medium
    Pupil(
        ["грамотность", "диктанты"],
        ("russkiy_rki", "logoped"),
        "6А",
        [],
        "пишет с кучей ошибок, пропускает буквы, по русскому 2",
    ),
    # medium
    Pupil(
        ["литература", "читать"], ("russkiy_rki",), "8Б", [], "хочу читать больше, но не знаю что. Есть клуб?"
    ),
    # hard: bilingual is a distractor, the request is journalism
    Pupil(
        [],
        ("media", "russkiy_rki"),
        "10Г",
        [],
        "Армянка, дома по-армянски, по-русски без проблем. Хочет на журналистику, писать о своей культуре",
    ),
    # medium
    Pupil(["сочинение", "литература"], ("russkiy_rki", "media"), "7В", [], "пишет рассказы в тетрадке"),
    # medium: 8th grade, teased for the accent
    Pupil(
        [],
        ("psiholog", "socped", "russkiy_rki"),
        "8А",
        [],
        "Таджик, в классе дразнят из-за акцента, стал отказываться отвечать устно",
    ),
    # --- медиацентр ---
    # easy
    Pupil(["школьное ТВ"], ("media",), "8В"),
    # easy
    Pupil(["журналистика", "поступление на журфак"], ("media",), "10А"),
    # medium
    Pupil(
        [],
        ("media", "peer_10b_media"),
        "6Б",
        [],
        "снимает видосы в тикток, хочет научиться нормально монтировать",
    ),
    # easy
    Pupil(["газета", "интервью"], ("media", "peer_10b_media"), "7Г"),
    # hard: shyness, wants to try being a presenter
    Pupil(
        [],
        ("media", "psiholog"),
        "9А",
        [],
        "стесняется выступать, у доски краснеет. Хочет себя пересилить, думает попробовать ведущей на школьном ТВ",
    ),
    # easy
    Pupil(["фотография"], ("media",), "11Г"),
    # hard: 5th grade, the media head takes from the 6th
    Pupil(["блог"], ("peer_10b_media",), "5Б", [], "хочет вести блог про своих котов"),
    # easy
    Pupil(["журфак, творческий конкурс"], ("media",), "11Б", ["Литература"]),
    # easy
    Pupil(["видеомонтаж"], ("media", "peer_10b_media"), "6А"),
    # hard: the ОБЖ teacher's advice is not her wish
    Pupil(
        [],
        ("media", "peer_10b_media"),
        "7Б",
        [],
        "Учитель ОБЖ сказал что ей бы в кадеты. Сама хочет в медиа, снимать влоги",
    ),
    # --- музей ---
    # easy
    Pupil(["экскурсовод в музее"], ("muzey",), "8Г"),
    # easy
    Pupil(["поисковый отряд", "Вахта памяти"], ("muzey",), "9К"),
    # easy
    Pupil(["история ЕГЭ"], ("muzey",), "10Б", ["История"]),
    # medium
    Pupil(
        [],
        ("muzey",),
        "6В",
        [],
        "прадед воевал, нашли письма, хочет узнать где служил",
    ),
    # hard: the grandfather's service is not his interest
    Pupil(
        [],
        ("informatik", "peer_11a_it"),
        "7А",
        [],
        "дед служил в Афгане, дома много про это. Сам к истории равнодушен, любит компьютеры",
    ),
    # easy
    Pupil(["краеведение"], ("muzey",), "5А"),
    # easy
    Pupil(["музей", "реконструкция"], ("muzey",), "8Г", [], "хочет участвовать в реконструкции боёв"),
    # medium: a parent's objection, the son's wish stands
    Pupil(
        [],
        ("muzey",),
        "9А",
        [],
        "хочет в поисковый отряд, но мама против — боится. Сын упрямый, всё равно поедет",
    ),
    # easy
    Pupil(["ВсОШ по истории"], ("muzey",), "8А"),
    # hard: hearing impairment, museum interest; not taken into the cadets
    Pupil(
        [],
        ("muzey", "psiholog"),
        "7В",
        [],
        "слабослышащий, в кадеты не взяли, обиделся. Любит историю войны, знает все танки",
        special_needs=True,
    ),
    # --- медицина, биология ---
    # easy
    Pupil(["медицина", "ЕГЭ химия биология"], ("biolog_med",), "10Б"),
    # easy
    Pupil([], ("biolog_med",), "9Б", [], "хочу в медколледж на фельдшера после 9"),
    # medium
    Pupil(
        ["первая помощь"],
        ("kurator_mchs", "biolog_med"),
        "8А",
        [],
        "хочу научиться делать СЛР и перевязки, может буду врачом",
    ),
    # hard: the parents' profession is not her choice
    Pupil(
        [],
        ("psiholog", "biolog_med"),
        "10А",
        [],
        "мама врач, папа врач, все говорят медицина. Сама не знаю, мне нравится рисовать и немного химия",
    ),
    # easy
    Pupil(["биология", "олимпиада"], ("biolog_med",), "8В"),
    # hard: wants medicine, panic attacks in hospitals
    Pupil(
        [],
        ("psiholog", "biolog_med"),
        "11А",
        [],
        "Хочет в медицинский, но после смерти бабушки в больнице не может туда заходить, панические атаки",
    ),
    # easy
    Pupil(["биология ЕГЭ"], ("biolog_med",), "10Б", ["Биология"], "нужно 70 баллов"),
    # easy
    Pupil(["экология", "проект"], ("biolog_med",), "9Г"),
    # --- волонтёры, актив ---
    # easy
    Pupil(["волонтёрство"], ("volonter_sovetnik",), "8Б"),
    # easy
    Pupil(["Движение первых"], ("volonter_sovetnik",), "9В"),
    # medium
    Pupil(
        [], ("volonter_sovetnik",), "7Г", [], "хочет помогать в приюте для животных, таскает домой всех котят"
    ),
    # easy
    Pupil(["лидерство", "школьный совет"], ("volonter_sovetnik",), "10Г"),
    # hard: at risk by neglect, no request
    Pupil(
        [],
        ("socped", "volonter_sovetnik", "trener_hockey"),
        "6Г",
        [],
        "после уроков болтается во дворе до ночи, мама на сменах. Ничем не занят, в секции не ходит",
        at_risk=True,
    ),
    # medium
    Pupil(["организовывать праздники"], ("volonter_sovetnik", "peer_10b_media"), "5В"),
    # easy
    Pupil(["волонтёр", "помогать пожилым"], ("volonter_sovetnik",), "7А"),
    # medium
    Pupil(
        ["первая помощь", "школа безопасности"],
        ("kurator_mchs", "obzh_ofitser"),
        "10А",
        [],
        "команда на «Школу безопасности», нужен кто-то кто натаскает",
    ),
    # --- психолог ---
    # easy
    Pupil(["страх перед экзаменами"], ("psiholog",), "9Б"),
    # easy
    Pupil(["тревога перед ЕГЭ", "не сплю"], ("psiholog",), "11Б"),
    # medium
    Pupil(
        [],
        ("psiholog", "peer_10b_media"),
        "5А",
        [],
        "новенький, с одноклассниками не ладится, дома плачет",
    ),
    # hard: signs of self-harm
    Pupil(
        [],
        ("psiholog",),
        "8В",
        [],
        "классный руководитель заметила порезы на предплечье, девочка говорит что это кошка",
        at_risk=True,
    ),
    # medium: bullying in the class chat
    Pupil(
        [],
        ("psiholog", "socped"),
        "7А",
        [],
        "травят в чате класса, сделали мем с её фото. Родители хотят забрать из школы",
        at_risk=True,
    ),
    # easy
    Pupil(["конфликт с одноклассниками"], ("psiholog", "socped"), "6В"),
    # hard: refuses the psychologist
    Pupil(
        [],
        ("volonter_sovetnik", "socped"),
        "10В",
        [],
        "к психологу не пойду, это для психов. Просто не могу сосредоточиться, всё бесит",
    ),
    # medium
    Pupil(["боится отвечать у доски"], ("psiholog", "nachalka"), "4А"),
    # hard: crisis hidden behind an exam request
    Pupil(
        ["ОГЭ"],
        ("psiholog",),
        "9Г",
        [],
        "Говорит что устал жить, ничего не хочет. Мама просит помочь с ОГЭ, про остальное не знает",
        at_risk=True,
    ),
    # medium
    Pupil([], ("psiholog", "nachalka"), "1Б", [], "первоклассник плачет каждое утро, не хочет идти в школу"),
    # medium
    Pupil(
        ["адаптация в 10 классе"],
        ("psiholog", "volonter_sovetnik"),
        "10А",
        [],
        "пришла из другой школы в 10-й, никого не знает",
    ),
    # medium: perfectionism
    Pupil(
        [],
        ("psiholog",),
        "11Г",
        [],
        "если не 100 баллов — катастрофа, срывы и истерики перед контрольными",
    ),
    # medium
    Pupil(
        [],
        ("psiholog", "socped"),
        "8Г",
        [],
        "каждый день ссорится с мамой из-за телефона, уходит из дома на ночь к подруге",
    ),
    # hard: career undecided, everything a little
    Pupil(
        [],
        ("psiholog",),
        "11В",
        [],
        "Не знаю куда поступать. Нравится всё понемногу: биология, компьютеры, с ребятами сняли фильм",
    ),
    # medium: extortion by older pupils
    Pupil(
        [],
        ("psiholog", "socped"),
        "5Б",
        [],
        "старшеклассники отбирают деньги на обед, боится рассказать",
        at_risk=True,
    ),
    # --- социальный педагог, риск ---
    # easy
    Pupil(["стоит на учёте КДН"], ("socped", "kurator_police"), "9А", at_risk=True),
    # medium
    Pupil(
        ["пропуски"],
        ("socped",),
        "8В",
        [],
        "прогулы, за месяц 40 уроков пропущено без уважительной",
        at_risk=True,
    ),
    # hard: family in СОП, likes technics — at-risk training first
    Pupil(
        [],
        ("socped", "psiholog"),
        "7В",
        [],
        "семья в СОП, отец пьёт. Мальчик хороший, тянется к технике",
        at_risk=True,
    ),
    # medium: moved from Murmansk
    Pupil(
        [],
        ("psiholog", "peer_10b_media", "socped"),
        "6Б",
        [],
        "переехали из Мурманска, всё новое, скучает по друзьям",
    ),
    # hard: from an orphanage to a foster family
    Pupil(
        [],
        ("socped", "psiholog"),
        "5Г",
        [],
        "из детдома в опекунскую семью, в классе пропадают вещи, подозревают его",
        at_risk=True,
    ),
    # medium
    Pupil(
        ["конфликт с учителем"],
        ("socped", "kurator_police"),
        "10Б",
        [],
        "нагрубил химичке, вызвали на совет профилактики",
        at_risk=True,
    ),
    # hard: at risk, cars and motorbikes are not the point
    Pupil(
        [],
        ("socped", "kurator_police", "psiholog"),
        "9В",
        [],
        "Связался с компанией постарше, вейпы, ночью не дома. Любит машины и мотоциклы",
        at_risk=True,
    ),
    # hard: father at war, aggression in 3rd grade
    Pupil(
        [],
        ("psiholog",),
        "3А",
        [],
        "папа на СВО, мальчик стал агрессивным, дерётся на переменах",
        at_risk=True,
    ),
    # hard: grandmother in Russia, parents in Yerevan, cadet class
    Pupil(
        [],
        ("psiholog", "peer_11k_kadet", "socped"),
        "9К",
        [],
        "живёт у бабушки, родители в Ереване. Скучает, в кадетах тяжело одному",
    ),
    # --- ОВЗ ---
    # hard: ДЦП, wants sport
    Pupil(
        [],
        ("afk_adaptive", "nachalka"),
        "3В",
        [],
        "ДЦП, ходит с ходунками. Очень хочет заниматься спортом как все",
        special_needs=True,
    ),
    # easy
    Pupil(["звукопроизношение"], ("logoped",), "2А", special_needs=True),
    # hard: autism spectrum
    Pupil(
        [],
        ("psiholog", "logoped"),
        "6Г",
        [],
        "РАС, высокофункциональный, увлекается поездами и расписаниями, с ребятами не общается",
        special_needs=True,
    ),
    # hard: epilepsy, exempt from PE
    Pupil(
        ["ГТО"],
        ("afk_adaptive",),
        "9Б",
        [],
        "эпилепсия, на физре освобождение, хочет сдать хоть что-то из ГТО",
        special_needs=True,
    ),
    # medium
    Pupil(
        ["нарушение слуха"],
        ("logoped", "nachalka"),
        "4Б",
        [],
        "слабослышащая, нужно помочь с чтением вслух",
        special_needs=True,
    ),
    # hard: ДЦП (hands), IT
    Pupil(
        [],
        ("informatik", "psiholog"),
        "8Б",
        [],
        "ДЦП (руки), пишет медленно, ОГЭ в особых условиях, хочет в IT",
        special_needs=True,
    ),
    # medium
    Pupil(
        [],
        ("logoped", "psiholog", "nachalka"),
        "1А",
        [],
        "РАС, первый класс, в коллективе сложно",
        special_needs=True,
    ),
    # hard: epilepsy, the МЧС dream closed
    Pupil(
        [],
        ("psiholog",),
        "10Г",
        [],
        "эпилепсия, медкомиссию в МЧС не пройдёт, а мечтал быть спасателем. Очень расстроен",
        special_needs=True,
    ),
    # easy
    Pupil(["дисграфия"], ("logoped", "russkiy_rki"), "5Б", special_needs=True),
    # hard: cochlear implant
    Pupil(
        [],
        ("logoped",),
        "1А",
        [],
        "ребёнок с кохлеарным имплантом, начинает говорить, нужно развитие речи",
        special_needs=True,
    ),
    # easy
    Pupil(["устранить картавость"], ("logoped",), "5В"),
    # --- начальная школа ---
    # easy
    Pupil(["олимпиада Кенгуру"], ("nachalka",), "3Б"),
    # easy
    Pupil(["техника чтения"], ("nachalka", "logoped"), "2В"),
    # medium: gifted and bored in primary
    Pupil(
        [],
        ("nachalka",),
        "4В",
        [],
        "скучно на уроках, всё знает, учительница жалуется что мешает",
    ),
    # easy
    Pupil(["лего", "роботы"], ("nachalka",), "3Г"),
    # medium
    Pupil(["адаптация"], ("nachalka", "psiholog"), "1В"),
    # hard: 4th-grader dreaming of the МЧС cadets (cadets from 5th)
    Pupil(
        [],
        ("trener_ski", "nachalka"),
        "4А",
        [],
        "хочет в кадеты МЧС когда вырастет, смотрит ролики про пожарных, надо подтянуть физподготовку",
    ),
    # medium
    Pupil([], ("logoped", "psiholog"), "2Г", [], "не выговаривает Р и Ш, дети дразнят"),
    # medium
    Pupil(["русский медвежонок", "олимпиада по русскому"], ("nachalka", "russkiy_rki"), "4Г"),
    # easy
    Pupil(["чтение по слогам"], ("nachalka", "logoped"), "1Г"),
    # medium
    Pupil(
        [], ("psiholog", "nachalka"), "2Б", [], "гиперактивный, не может усидеть урок, учительница жалуется"
    ),
    # medium
    Pupil(["русский язык"], ("logoped", "nachalka"), "4Б", [], "путает буквы б и д, пишет зеркально"),
    # --- прочее ---
    # hard: no questionnaire, only the class teacher's note
    Pupil(
        [],
        ("obzh_ofitser", "trener_hockey"),
        "9Б",
        [],
        "анкету не заполнил. Кл. рук: тихий, троечник, увлекается рыбалкой, отец уехал на вахту",
    ),
]
