"""Dec9b: a big-city (million-plus) gymnasium-like school, about 1,800 pupils.

A strong maths-physics profile (10Ф, 11Ф), a humanities class (10Г, 11Г), a psychology-pedagogy class
(10П, 11П) and universal classes; a robotics club and a school radio / podcast studio; a debating club.
Tutoring pressure is heavy; there are gifted pupils and burned-out ones, pupils from migrant families
still learning Russian, online bullying in class chats, eating disorders hinted at, divorces, and a
few pupils with autism (a resource class with a tutor).

A blind labelled set for the quality of matching, written on 7 December 2026 by a writer who had read
neither the engine's vocabulary nor its meaning and matching code, nor any other labelled set's
pupils, nor the bench's output.
"""

from .quality_set import Pupil, Teacher

DEC9B_MENTORS: list[Teacher] = [
    Teacher(
        key="math_ol",
        competencies=["математика", "олимп. математика (ВсОШ, ММО)", "ЕГЭ проф 80+", "матем. кружок"],
        subject="Математика",
        interests=["го", "теория игр"],
        age=43,
        capacity=12,
        preferred_grades="5–11",
    ),
    Teacher(
        key="phys",
        competencies=[
            "физика и астрономия",
            "олимпиада Максвелла / ВсОШ по физике",
            "ЕГЭ физ",
            "эксперимент",
        ],
        subject="Физика, астрономия",
        interests=["телескопы", "походы"],
        age=35,
        capacity=10,
        preferred_grades="7-11",
    ),
    Teacher(
        key="inf",
        competencies=["информатика", "ЕГЭ по инф-ке", "олимпиадное программирование (C++)", "Python с нуля"],
        subject="Информатика",
        interests=["киберспорт"],
        age=28,
        capacity=10,
        preferred_grades="7-11",
    ),
    Teacher(
        key="robo",
        competencies=["робототехника", "Arduino", "3D-печать", "соревнования РобоФест", "инж. проекты"],
        subject="Руководитель кружка робототехники",
        interests=["дроны", "электроника"],
        age=33,
        capacity=10,
        preferred_grades="с 3 по 11 кл.",
    ),
    Teacher(
        key="rusl",
        competencies=["русский яз. и лит-ра", "итоговое сочинение", "ЕГЭ по русскому", "литературный клуб"],
        subject="Русский язык и литература",
        interests=["современная проза", "театр"],
        age=49,
        capacity=12,
        preferred_grades="5-11",
    ),
    Teacher(
        key="rki",
        competencies=["РКИ (русский как иностранный)", "дети мигрантов", "языковой барьер", "билингвы"],
        subject="Русский как иностранный",
        interests=["Средняя Азия", "кулинария"],
        age=40,
        capacity=10,
        preferred_grades="",
    ),
    Teacher(
        key="hist_soc",
        competencies=["история", "общество", "олимпиада по праву", "модель ООН", "ЕГЭ ист/общ"],
        subject="История, обществознание",
        interests=["архивы", "настолки"],
        age=37,
        capacity=10,
        preferred_grades="7–11",
    ),
    Teacher(
        key="debate",
        competencies=["юрист", "тренер дебатного клуба (АПФ)", "публичные выступления", "аргументация"],
        subject="Внешний наставник, дебаты",
        interests=["право", "ораторское искусство"],
        age=32,
        capacity=8,
        preferred_grades="8-11",
    ),
    Teacher(
        key="lang",
        competencies=["англ. и нем. яз", "IELTS/TOEFL", "олимпиада по англ", "учёба за рубежом"],
        subject="Английский, немецкий",
        interests=["путешествия", "кино в оригинале"],
        age=30,
        capacity=10,
        preferred_grades="5-11 кл",
    ),
    Teacher(
        key="psych",
        competencies=[
            "педагог-психолог",
            "тревога, панические атаки",
            "выгорание",
            "буллинг, кибербуллинг",
            "РПП (первичная поддержка, маршрутизация)",
            "развод родителей",
            "суицидальный риск",
        ],
        subject="Психолог",
        age=41,
        capacity=8,
        special_needs_trained=True,
        at_risk_experience=True,
        preferred_grades="",
    ),
    Teacher(
        key="pedklass",
        competencies=[
            "куратор психолого-пед. класса",
            "психология как наука",
            "поступление на психфак/педвуз",
            "вожатство",
            "работа с младшими",
        ],
        subject="Педагогика, психология (профильный класс)",
        interests=["волонтёрство"],
        age=45,
        capacity=8,
        preferred_grades="8-11",
    ),
    Teacher(
        key="socped",
        competencies=[
            "соц. педагог",
            "семьи мигрантов, документы",
            "развод, опека",
            "ПДН",
            "правовая помощь при травле",
        ],
        subject="Социальный педагог",
        age=52,
        capacity=12,
        at_risk_experience=True,
        preferred_grades="",
    ),
    Teacher(
        key="tutor",
        competencies=[
            "тьютор",
            "дефектолог",
            "РАС",
            "сенсорные перегрузки",
            "соц. навыки",
            "ресурсный класс",
        ],
        subject="Тьютор ресурсного класса",
        interests=["поезда метро", "LEGO"],
        age=34,
        capacity=8,
        special_needs_trained=True,
        preferred_grades="",
    ),
    Teacher(
        key="logoped",
        competencies=["учитель-логопед", "дисграфия/дислексия", "речь у билингвов", "звукопроизношение"],
        subject="Логопед",
        age=47,
        capacity=8,
        special_needs_trained=True,
        preferred_grades="1-6",
    ),
    Teacher(
        key="nachalka",
        competencies=["учитель нач. классов", "адаптация 1 кл", "ВПР 4 кл", "учебные навыки", "родители"],
        subject="Начальные классы",
        interests=["проекты", "экскурсии по городу"],
        age=39,
        capacity=10,
        preferred_grades="1–4",
    ),
    Teacher(
        key="radio",
        competencies=["журналист", "школьное радио", "подкасты", "интервью", "монтаж звука", "медиа"],
        subject="Внешний наставник, медиастудия",
        interests=["музыка", "стендап"],
        age=36,
        capacity=10,
        preferred_grades="6-11",
    ),
    Teacher(
        key="career",
        competencies=[
            "профориентация",
            "выбор вуза и направления",
            "выбор профиля в 10",
            "БВИ, олимпиады-перечневые",
        ],
        subject="Профориентатор",
        age=38,
        capacity=12,
        preferred_grades="8-11",
    ),
    Teacher(
        key="coach",
        competencies=["физра", "баскетбол", "плавание", "лёгкая атлетика", "ГТО", "трудные подростки"],
        subject="Физическая культура",
        interests=["бег", "велосипед"],
        age=44,
        capacity=10,
        at_risk_experience=True,
        preferred_grades="с 4 по 11",
    ),
    Teacher(
        key="biochem",
        competencies=["биология", "химия", "олимпиады по био", "ЕГЭ хим/био", "медвуз"],
        subject="Биология и химия",
        interests=["микроскопия", "аквариумы"],
        age=50,
        capacity=10,
        preferred_grades="7-11",
    ),
    Teacher(
        key="it_dev",
        competencies=["бэкенд-разработчик", "стажировки в IT", "карьера в IT", "пет-проекты", "геймдев"],
        subject="Внешний наставник (IT-компания)",
        interests=["open source"],
        age=27,
        capacity=8,
        preferred_grades="старшие",
    ),
    Teacher(
        key="music",
        competencies=["учитель музыки и МХК", "вокал, хор", "гитара", "школьный мюзикл"],
        subject="Музыка, МХК",
        interests=["джаз"],
        age=46,
        capacity=8,
        preferred_grades="",
    ),
    Teacher(
        key="peer_11f",
        competencies=["помогу с математикой", "олимпиады (призёр региона)", "как учиться и не выгореть"],
        subject="Математика, физика",
        interests=["спортивное программирование"],
        group_name="11Ф",
        age=17,
        capacity=4,
        preferred_grades="7-9",
    ),
    Teacher(
        key="peer_10g",
        competencies=["дебаты", "веду подкаст на школьном радио", "книги", "поддержу новеньких"],
        interests=["подкасты", "литература"],
        group_name="10Г",
        age=16,
        capacity=4,
        preferred_grades="5–8",
    ),
    Teacher(
        key="peer_11p",
        competencies=["наставник пятиклассников", "адаптация", "помогу освоиться", "вожатая"],
        interests=["психология"],
        group_name="11П",
        age=17,
        capacity=4,
        preferred_grades="5-6",
    ),
]

HELD_OUT_DEC9B: list[Pupil] = [
    # ---------------- начальная школа ----------------
    # easy: Uzbek first-grader with no Russian
    Pupil(
        requests=["не говорит по-русски"],
        right=("rki", "nachalka"),
        group_name="1А",
        request_text="Семья из Узбекистана, приехали в августе. Мальчик понимает отдельные слова, дома говорят на узбекском.",
    ),
    # easy: dysgraphia
    Pupil(
        requests=["дисграфия", "зеркалит буквы"],
        right=("logoped",),
        group_name="2Б",
        special_needs=True,
    ),
    # medium: РАС, meltdowns from noise
    Pupil(
        requests=["РАС", "истерики на переменах"],
        right=("tutor",),
        group_name="3В",
        request_text="Ребёнок с аутизмом, на шумных переменах закрывает уши и кричит. В ресурсном классе спокоен.",
        special_needs=True,
    ),
    # medium: gifted in maths in 4th grade
    Pupil(
        requests=["олимпиадная математика", "решает за 6 класс"],
        right=("nachalka",),
        group_name="4Г",
        request_text="На уроках скучает, решает всё первым. Хотим, чтобы ему давали задачи посложнее.",
    ),
    # hard: parents divorcing, regression in 2nd grade
    Pupil(
        requests=["стал писать хуже", "капризничает"],
        right=("psych", "nachalka"),
        group_name="2А",
        request_text="Мама: мы с мужем разводимся. Сын стал писать как в первом классе, плачет по пустякам.",
    ),
    # medium: Azerbaijani bilingual, speech
    Pupil(
        requests=["речь", "путает окончания"],
        right=("logoped", "rki"),
        group_name="1В",
        request_text="Дома говорят на азербайджанском, по-русски говорит бегло, но окончания путает, звуки смазывает.",
    ),
    # hard: overloaded 3rd grader: five clubs and a tutor
    Pupil(
        requests=["устаёт", "кружки", "репетитор по англ"],
        right=("psych", "nachalka"),
        group_name="3А",
        request_text="Учительница: у девочки пять кружков и репетитор, в 8 вечера делает уроки, на уроках засыпает. Мама считает, что это нормально.",
    ),
    # easy: singing
    Pupil(
        requests=["хочет петь", "хор"],
        right=("music",),
        group_name="4А",
    ),
    # easy: robotics LEGO
    Pupil(
        requests=["LEGO роботы", "робототехника"],
        right=("robo",),
        group_name="4Б",
    ),
    # easy: first-grade adaptation
    Pupil(
        requests=["адаптация", "плачет когда мама уходит"],
        right=("nachalka", "psych"),
        group_name="1Г",
    ),
    # medium: homework battles
    Pupil(
        requests=["домашку делаем по 3 часа со скандалом"],
        right=("nachalka", "psych"),
        group_name="2В",
    ),
    # easy: ВПР Russian
    Pupil(
        requests=["ВПР русский"],
        right=("nachalka",),
        group_name="4В",
    ),
    # medium: Tajik family, oral Russian fine, writing poor
    Pupil(
        requests=["пишет с ошибками", "дома таджикский"],
        right=("rki", "logoped"),
        group_name="3Г",
    ),
    # hard: cyberbullying in a 4th-grade chat
    Pupil(
        requests=["обижают в чате класса"],
        right=("psych", "socped"),
        group_name="4Б",
        request_text="В WhatsApp-чате класса выкладывают её фото с обидными подписями. Идти в школу отказывается.",
    ),
    # medium: РАС, reads since 4, no friends
    Pupil(
        requests=["нет друзей", "читает энциклопедии"],
        right=("tutor", "psych"),
        group_name="2Г",
        request_text="Сын с РАС, читает с четырёх лет, знает все станции метро. С детьми не играет, не понимает правил.",
        special_needs=True,
    ),
    # easy: speech sounds
    Pupil(
        requests=["логопед", "шипящие"],
        right=("logoped",),
        group_name="1Б",
    ),
    # easy: swimming
    Pupil(
        requests=["плавание"],
        right=("coach",),
        group_name="4А",
    ),
    # medium: the stage, morning performances
    Pupil(
        requests=["любит выступать", "ведущая на утренниках"],
        right=("music",),
        group_name="3В",
    ),
    # medium: moved from another city
    Pupil(
        requests=["новенькая", "переехали из Саратова"],
        right=("nachalka", "psych"),
        group_name="4Г",
    ),
    # easy: Chinese family, no Russian
    Pupil(
        requests=["русский язык с нуля"],
        right=("rki",),
        group_name="2А",
        request_text="Папа работает в китайской компании, семья из Харбина. Девочка по-русски почти не говорит.",
    ),
    # medium: hyperactive, cannot sit
    Pupil(
        requests=["гиперактивный", "СДВГ", "мешает классу"],
        right=("psych", "nachalka"),
        group_name="3А",
    ),
    # medium: robotics + РАС: interest-led, training matters
    Pupil(
        requests=["роботы", "РАС"],
        right=("tutor", "robo"),
        group_name="3Б",
        request_text="У сына аутизм, в группе теряется, но роботов собирает часами. Можно ли в кружок с сопровождением?",
        special_needs=True,
    ),
    # ---------------- 5–9 классы ----------------
    # easy: 5th-grade adaptation
    Pupil(
        requests=["адаптация в 5 кл", "кабинеты разные"],
        right=("peer_11p", "psych"),
        group_name="5А",
    ),
    # easy: olympiad maths in 6th
    Pupil(
        requests=["олимпиады по математике", "кружок"],
        right=("math_ol",),
        group_name="6Б",
    ),
    # hard: top pupil, burned out by tutors
    Pupil(
        requests=["3 репетитора", "не успеваю жить"],
        right=("psych", "peer_11f"),
        group_name="8Ф",
        request_text="Сама: у меня репетиторы по матеше, физике и англу, сплю по 5 часов, ничего не радует, боюсь подвести родителей.",
    ),
    # medium: migrant pupil from Kyrgyzstan, 7th grade, Russian for school subjects
    Pupil(
        requests=["не понимаю задачи по физике", "русский плохо"],
        right=("rki", "phys"),
        group_name="7В",
        request_text="Приехал из Оша год назад. По-бытовому говорит, но учебные тексты не понимает, физику знает на киргизском.",
    ),
    # easy: ОГЭ maths
    Pupil(
        requests=["ОГЭ матем", "геометрия"],
        right=("math_ol", "peer_11f"),
        group_name="9Б",
    ),
    # medium: physics olympiad, 8th
    Pupil(
        requests=["олимпиада Максвелла"],
        right=("phys",),
        group_name="8Ф",
    ),
    # medium: robotics competitions
    Pupil(
        requests=["РобоФест", "Arduino"],
        right=("robo",),
        group_name="7А",
    ),
    # hard: girl stopped eating, 'just healthy diet'
    Pupil(
        requests=["правильное питание", "спорт"],
        right=("psych",),
        group_name="8Г",
        request_text="Классный руководитель: девочка сильно похудела, в столовой не ест, говорит 'я на ПП'. Две подружки пишут, что она считает каждую калорию.",
    ),
    # easy: podcast
    Pupil(
        requests=["хочу вести подкаст"],
        right=("radio", "peer_10g"),
        group_name="7Б",
    ),
    # easy: debates in 6th: the peer
    Pupil(
        requests=["дебаты", "спорить люблю"],
        right=("peer_10g",),
        group_name="6В",
    ),
    # medium: РАС, 6th, maths gifted but lonely
    Pupil(
        requests=["математика", "РАС"],
        right=("tutor", "math_ol"),
        group_name="6А",
        request_text="Ученик ресурсного класса, по математике на уровне 8 класса. Сложно в группе, нужен взрослый, который поймёт.",
        special_needs=True,
    ),
    # hard: РАС, gifted in physics; the request is olympiad only
    Pupil(
        requests=["олимпиада по физике", "РАС, учится инклюзивно"],
        right=("phys", "tutor"),
        group_name="9Ф",
        request_text="С тьютором всё налажено, социально адаптирован. Нужен именно сильный физик для олимпиадной подготовки.",
        special_needs=True,
    ),
    # medium: ОГЭ informatics
    Pupil(
        requests=["огэ информатика", "python"],
        right=("inf",),
        group_name="9А",
    ),
    # hard: online bullying in 7th, video posted in TikTok
    Pupil(
        requests=["видео в тиктоке", "травля"],
        right=("psych", "socped"),
        group_name="7Г",
        request_text="Одноклассники сняли, как он плачет, и выложили в тикток. Видео набрало тысячи просмотров. Отказывается выходить из дома.",
    ),
    # medium: migrant from Tajikistan in 5th, with the peer adapting
    Pupil(
        requests=["новенький", "плохо по-русски"],
        right=("rki", "peer_11p"),
        group_name="5Б",
    ),
    # easy: reads a lot, wants to discuss books
    Pupil(
        requests=["обсуждать книги", "литературный клуб"],
        right=("rusl", "peer_10g"),
        group_name="7А",
    ),
    # medium: English olympiad
    Pupil(
        requests=["олимпиада по англ", "ВсОШ"],
        right=("lang",),
        group_name="8А",
    ),
    # hard: 'not maths, I want biology'; the parents push him to the physmat
    Pupil(
        requests=["не матем, а биология", "родители в физмат"],
        right=("biochem", "career"),
        group_name="9Ф",
        request_text="Родители хотят только 10Ф. А я ненавижу алгебру и хочу в биологию, я в зоокружке с пятого класса.",
    ),
    # medium: divorce, living in two houses
    Pupil(
        requests=["развод родителей", "живу на два дома"],
        right=("psych", "socped"),
        group_name="6Г",
    ),
    # easy: basketball
    Pupil(
        requests=["баскетбол"],
        right=("coach",),
        group_name="7Б",
    ),
    # medium: dyslexia in 5th
    Pupil(
        requests=["дислексия", "читает медленно"],
        right=("logoped",),
        group_name="5В",
        special_needs=True,
    ),
    # hard: at risk: shoplifting with older friends
    Pupil(
        requests=[],
        right=("socped", "coach"),
        group_name="8Б",
        request_text="Задержан за кражу в ТЦ с компанией старших ребят, поставлен на учёт в ПДН. Раньше занимался лёгкой атлетикой, бросил.",
        at_risk=True,
    ),
    # medium: anxiety before ОГЭ, 'the tutor says I'll fail'
    Pupil(
        requests=["ОГЭ", "паника"],
        right=("psych",),
        group_name="9В",
        request_text="Репетитор сказала, что она 'не вытянет'. С тех пор на пробниках забывает всё, трясутся руки.",
    ),
    # medium: 3D printing and drones
    Pupil(
        requests=["3D печать", "дроны"],
        right=("robo",),
        group_name="8В",
    ),
    # easy: informatics olympiad, C++
    Pupil(
        requests=["олимп прога", "C++"],
        right=("inf",),
        group_name="8Ф",
    ),
    # medium: the city's history, archive project
    Pupil(
        requests=["проект по истории города", "архив"],
        right=("hist_soc",),
        group_name="8Г",
    ),
    # hard: only 'English' typed, but the mother says she cries about her looks
    Pupil(
        requests=["английский"],
        right=("psych", "lang"),
        group_name="7Г",
        request_text="Мама: английский — это для галочки. Дочь плачет из-за внешности, сидит на диетах из тиктока, не ест после обеда.",
    ),
    # easy: guitar
    Pupil(
        requests=["гитара", "играть песни"],
        right=("music",),
        group_name="6Б",
    ),
    # medium: wants to be a doctor, 8th grade
    Pupil(
        requests=["хочу быть врачом", "биология"],
        right=("biochem", "career"),
        group_name="8А",
    ),
    # easy: ВПР maths in 6th
    Pupil(
        requests=["ВПР по математике"],
        right=("math_ol",),
        group_name="6В",
    ),
    # hard: autistic boy, sensory overload in the canteen
    Pupil(
        requests=["не ест в столовой", "шумно"],
        right=("tutor",),
        group_name="7А",
        request_text="РАС. В столовой не может находиться из-за шума и запахов, весь день голодный.",
        special_needs=True,
    ),
    # medium: Armenian family, good Russian, just new
    Pupil(
        requests=["новенький из Еревана", "друзей нет"],
        right=("peer_10g", "psych"),
        group_name="6А",
    ),
    # medium: physics from scratch in 7th
    Pupil(
        requests=["физика началась", "ничего не понятно"],
        right=("phys", "peer_11f"),
        group_name="7Б",
    ),
    # easy: school radio DJ
    Pupil(
        requests=["школьное радио", "ставить музыку на переменах"],
        right=("radio",),
        group_name="8В",
    ),
    # hard: gifted girl, school olympiads, perfectionism, self-criticism
    Pupil(
        requests=["олимпиады", "если не первое место — я ничто"],
        right=("psych", "math_ol"),
        group_name="8Ф",
    ),
    # medium: profile choice for 10th
    Pupil(
        requests=["какой профиль выбрать в 10"],
        right=("career",),
        group_name="9Г",
    ),
    # medium: migrant 9th grader, ОГЭ Russian is the obstacle
    Pupil(
        requests=["ОГЭ по русскому", "русский не родной"],
        right=("rki", "rusl"),
        group_name="9В",
        request_text="Девочка из Таджикистана, в России три года. Говорит хорошо, но изложение и сочинение — катастрофа.",
    ),
    # medium: stutter in 5th
    Pupil(
        requests=["заикается", "боится отвечать устно"],
        right=("logoped", "psych"),
        group_name="5Г",
    ),
    # easy: German
    Pupil(
        requests=["немецкий второй язык", "догнать группу"],
        right=("lang",),
        group_name="7В",
    ),
    # hard: 'I don't need a psychologist', self-isolating gamer
    Pupil(
        requests=["мне не нужен психолог", "игры"],
        right=("inf", "peer_11f"),
        group_name="8Б",
        request_text="Играет ночами, оценки упали. Сам сказал: 'к психологу не пойду, если кто и поможет — кто шарит в компах'.",
    ),
    # medium: running / athletics
    Pupil(
        requests=["лёгкая атлетика", "сдать ГТО"],
        right=("coach",),
        group_name="9А",
    ),
    # hard: hidden self-harm comments in online posts
    Pupil(
        requests=[],
        right=("psych",),
        group_name="9Г",
        request_text="Одноклассница показала классному руководителю его посты: 'скоро всё закончится', 'никто не заметит'.",
        at_risk=True,
    ),
    # medium: songs + recording at the studio
    Pupil(
        requests=["пишу песни", "записать трек"],
        right=("music", "radio"),
        group_name="8А",
    ),
    # easy: chemistry olympiad
    Pupil(
        requests=["олимпиада по химии"],
        right=("biochem",),
        group_name="9Б",
    ),
    # medium: 5th, bullied for accent (Uzbek)
    Pupil(
        requests=["смеются над акцентом"],
        right=("psych", "rki", "peer_11p"),
        group_name="5А",
    ),
    # medium: 5th grade, loves maths, 'too easy'
    Pupil(
        requests=["скучно на математике", "дайте сложнее"],
        right=("math_ol",),
        group_name="5Б",
    ),
    # hard: father left, mother works nights; 7th grader cares for siblings
    Pupil(
        requests=["пропускает", "сидит с младшими"],
        right=("socped", "psych"),
        group_name="7Г",
        request_text="После развода отец не платит алименты, мама работает в ночные смены. Мальчик водит двух младших в сад и опаздывает.",
        at_risk=True,
    ),
    # medium: the school musical
    Pupil(
        requests=["мюзикл", "вокал"],
        right=("music",),
        group_name="7В",
    ),
    # medium: public speaking in 9th
    Pupil(
        requests=["выступать перед классом", "страшно"],
        right=("debate", "psych"),
        group_name="9А",
    ),
    # easy: biology ОГЭ
    Pupil(
        requests=["ОГЭ био"],
        right=("biochem",),
        group_name="9В",
    ),
    # hard: teacher's voice: 'lazy', actually lost after the move from a village school in Yakutia
    Pupil(
        requests=["ленится"],
        right=("psych", "socped"),
        group_name="8В",
        request_text="Учитель: 'не хочет учиться'. Выяснилось: переехали из якутского посёлка, в классе 32 человека вместо шести, мальчик потерялся и молчит.",
    ),
    # medium: essay writing in 8th
    Pupil(
        requests=["сочинения", "не умею начать"],
        right=("rusl",),
        group_name="8Г",
    ),
    # medium: Python from scratch, 7th
    Pupil(
        requests=["python с нуля"],
        right=("inf",),
        group_name="7А",
    ),
    # medium: РАС 8th grader loves metro, wants friends with same interest
    Pupil(
        requests=["метро", "поезда", "друзья"],
        right=("tutor",),
        group_name="8Б",
        special_needs=True,
    ),
    # easy: legal olympiad
    Pupil(
        requests=["олимпиада по праву"],
        right=("hist_soc",),
        group_name="9Г",
    ),
    # hard: divorce conflict, father comes to school to take him
    Pupil(
        requests=["родители делят ребёнка"],
        right=("socped", "psych"),
        group_name="5В",
        request_text="Отец без согласия матери забирает сына из школы, суд ещё не определил место жительства. Мальчик боится обоих огорчить.",
    ),
    # medium: interviews for the school podcast
    Pupil(
        requests=["интервью", "журналистика"],
        right=("radio",),
        group_name="9Б",
    ),
    # medium: English for IELTS early, 9th
    Pupil(
        requests=["IELTS", "учиться за границей"],
        right=("lang",),
        group_name="9А",
    ),
    # hard: 'physics' requested by parents, the boy just wants to draw; no art mentor, so career and the psychologist
    Pupil(
        requests=["физика (мама)", "рисую комиксы (я)"],
        right=("career", "psych"),
        group_name="9Ф",
        request_text="Мама записала на физику, а он хочет в дизайн. Дома скандалы из-за выбора профиля.",
    ),
    # medium: 6th grade, a newcomer who wants the radio
    Pupil(
        requests=["радио", "голос"],
        right=("radio", "peer_10g"),
        group_name="6Г",
    ),
    # easy: maths 7th, algebra
    Pupil(
        requests=["алгебра 7 класс", "формулы сокр. умножения"],
        right=("math_ol", "peer_11f"),
        group_name="7В",
    ),
    # medium: eating disorder hinted via sport
    Pupil(
        requests=["плавание", "вес"],
        right=("psych", "coach"),
        group_name="8А",
        request_text="Пловчиха, тренер в секции сказал 'надо сбросить'. Теперь после еды бежит в туалет, подруги волнуются.",
    ),
    # medium: robotics + team conflicts
    Pupil(
        requests=["робототехника", "в команде не слушают"],
        right=("robo",),
        group_name="6Б",
    ),
    # hard: Kyrgyz 8th grader pressed to work by the family, may drop out
    Pupil(
        requests=["хочет пойти работать", "документы"],
        right=("socped", "rki"),
        group_name="8В",
        request_text="Семья мигрантов, у мальчика проблемы с регистрацией. Отец говорит, после 9 пусть работает на стройке.",
        at_risk=True,
    ),
    # medium: psychology interest in 9th
    Pupil(
        requests=["психология", "хочу в психолого-пед класс"],
        right=("pedklass", "career"),
        group_name="9Б",
    ),
    # medium: history ВПР
    Pupil(
        requests=["ВПР история", "даты"],
        right=("hist_soc",),
        group_name="7Б",
    ),
    # easy: astronomy
    Pupil(
        requests=["астрономия", "телескоп"],
        right=("phys",),
        group_name="8Б",
    ),
    # hard: bullied on Discord by classmates; fine in maths
    Pupil(
        requests=["Discord", "угрожают"],
        right=("psych", "socped"),
        group_name="7Ф",
        request_text="В дискорд-сервере класса его травят, пишут угрозы, сделали стикеры с его лицом. Родители хотят писать заявление.",
    ),
    # medium: 5th grader, podcasts about anime: the radio mentor takes 6+, so the peer
    Pupil(
        requests=["подкасты про аниме"],
        right=("peer_10g",),
        group_name="5Г",
    ),
    # medium: 6th, reading for pleasure: rusl
    Pupil(
        requests=["что почитать", "фэнтези надоело"],
        right=("rusl", "peer_10g"),
        group_name="6А",
    ),
    # hard: high achiever suddenly failing everything, parents' divorce hidden
    Pupil(
        requests=["оценки упали", "математика"],
        right=("psych", "math_ol"),
        group_name="9Ф",
        request_text="Был отличником, с октября двойки. Классный руководитель узнала от друга, что родители разводятся и отец ушёл к другой.",
    ),
    # medium: 5th grader, Uzbek, reading in Russian
    Pupil(
        requests=["читать по-русски", "понимать учебник"],
        right=("rki", "logoped"),
        group_name="5В",
    ),
    # medium: debates in 8th
    Pupil(
        requests=["дебаты", "клуб"],
        right=("debate", "peer_10g"),
        group_name="8А",
    ),
    # easy: chemistry in 8th, starting out
    Pupil(
        requests=["химия", "задачи на массовую долю"],
        right=("biochem",),
        group_name="8В",
    ),
    # medium: a shy autistic girl wants the choir
    Pupil(
        requests=["хор", "РАС"],
        right=("music", "tutor"),
        group_name="6В",
        request_text="Дочь с аутизмом прекрасно поёт, в хоре хочет, но на репетициях может уйти, если громко.",
        special_needs=True,
    ),
    # hard: panic attacks in the metro on the way to tutors
    Pupil(
        requests=["панические атаки", "метро"],
        right=("psych",),
        group_name="9Ф",
    ),
    # medium: IT career thinking in 9th
    Pupil(
        requests=["кем работать в IT", "программист или дизайнер"],
        right=("career", "inf"),
        group_name="9В",
    ),
    # medium: vandalism, fights; at risk 7th
    Pupil(
        requests=["драки", "вызывали в полицию"],
        right=("socped", "coach", "psych"),
        group_name="7А",
        at_risk=True,
    ),
    # medium: volunteering with younger kids
    Pupil(
        requests=["помогать младшим", "вожатый"],
        right=("pedklass",),
        group_name="9А",
    ),
    # medium: migrant girl, 6th, literacy in Russian + adaptation
    Pupil(
        requests=["русский", "никого не знаю"],
        right=("rki", "peer_10g"),
        group_name="6Б",
        request_text="Девочка из Душанбе. Учится старательно, но на переменах одна, с классом пока не получается.",
    ),
    # hard: the teacher's voice: 'rude, provokes teachers' — gifted and bored
    Pupil(
        requests=["хамит учителям"],
        right=("math_ol", "psych"),
        group_name="8Ф",
        request_text="Учитель физики: на уроке спорит, встаёт, поправляет учителя. Олимпиаду по математике написал на призёра региона без подготовки. Ему просто скучно.",
    ),
    # medium: ОГЭ social studies
    Pupil(
        requests=["огэ общество"],
        right=("hist_soc",),
        group_name="9В",
    ),
    # hard: the mother's voice: "she's fine, just needs maths"; she says she's being excluded
    Pupil(
        requests=["математика", "меня не замечают"],
        right=("psych", "peer_11f"),
        group_name="7Ф",
        request_text="Мама написала 'подтянуть математику'. Девочка сама дописала: 'со мной никто не сидит, даже в столовой'.",
    ),
    # medium: writing stories; peer and teacher
    Pupil(
        requests=["пишу рассказы", "фанфики"],
        right=("rusl", "peer_10g"),
        group_name="7В",
    ),
    # medium: drones and physics
    Pupil(
        requests=["дроны", "как летает"],
        right=("robo", "phys"),
        group_name="9Б",
    ),
    # hard: 6th grader, the family's religion vs school events; identity
    Pupil(
        requests=["не пускают на праздники", "чувствую себя чужим"],
        right=("psych", "socped"),
        group_name="6Г",
        request_text="Семья из Дагестана, очень строгие правила. Мальчик не ходит на школьные праздники, одноклассники считают его странным.",
    ),
    # ---------------- 10–11 классы ----------------
    # easy: profile maths ЕГЭ 90+
    Pupil(
        requests=["ЕГЭ профиль 90+", "задачи с параметром"],
        right=("math_ol",),
        group_name="11Ф",
    ),
    # easy: physics ЕГЭ
    Pupil(
        requests=["ЕГЭ физика", "вторая часть"],
        right=("phys",),
        group_name="11Ф",
    ),
    # easy: informatics ЕГЭ
    Pupil(
        requests=["ЕГЭ инфа", "27 задание"],
        right=("inf",),
        group_name="11Ф",
    ),
    # medium: IT internship
    Pupil(
        requests=["стажировка", "бэкенд"],
        right=("it_dev",),
        group_name="11Ф",
    ),
    # hard: burnout in 11Ф: 'I hate maths now'
    Pupil(
        requests=["выгорание", "ненавижу матешу"],
        right=("psych",),
        group_name="11Ф",
        request_text="С 7 класса олимпиады, два раза призёр ВсОШ. В этом году не может открыть учебник, всё 'серое', родители требуют заключительный этап.",
    ),
    # medium: debate championship
    Pupil(
        requests=["дебаты АПФ", "турнир"],
        right=("debate",),
        group_name="10Г",
    ),
    # medium: final essay in 11Г
    Pupil(
        requests=["итоговое сочинение", "аргументы"],
        right=("rusl",),
        group_name="11Г",
    ),
    # medium: psychology faculty
    Pupil(
        requests=["поступать на психфак", "ЕГЭ биология и общество"],
        right=("pedklass", "career"),
        group_name="11П",
    ),
    # easy: ЕГЭ social studies
    Pupil(
        requests=["ЕГЭ обществознание"],
        right=("hist_soc",),
        group_name="11Г",
    ),
    # medium: studying abroad
    Pupil(
        requests=["учёба за рубежом", "TOEFL"],
        right=("lang", "career"),
        group_name="11А",
    ),
    # hard: 'just ЕГЭ Russian' but she's bingeing and hiding it
    Pupil(
        requests=["ЕГЭ русский"],
        right=("psych", "rusl"),
        group_name="11Г",
        request_text="Классный руководитель: в шкафчике нашли горы обёрток и слабительное. По русскому у неё всё хорошо, просила 'кого-нибудь по ЕГЭ', чтобы был повод поговорить.",
    ),
    # medium: school radio host in 10th
    Pupil(
        requests=["вести эфир", "радио"],
        right=("radio",),
        group_name="10Г",
    ),
    # medium: journalism faculty
    Pupil(
        requests=["журфак", "портфолио публикаций"],
        right=("radio", "rusl", "career"),
        group_name="11Г",
    ),
    # medium: pedagogy: wants to be a primary teacher
    Pupil(
        requests=["хочу быть учителем начальных классов"],
        right=("pedklass",),
        group_name="10П",
    ),
    # hard: gifted in physics from a migrant family; Russian is fine now, documents for the university
    Pupil(
        requests=["олимпиада по физике", "гражданство"],
        right=("phys", "socped"),
        group_name="11Ф",
        request_text="Призёр региона по физике. Семья из Узбекистана, нет гражданства РФ — как поступать на бюджет и засчитают ли олимпиаду?",
    ),
    # medium: robotics senior, engineering university
    Pupil(
        requests=["робототехника", "мехатроника в вузе"],
        right=("robo", "career"),
        group_name="10Ф",
    ),
    # easy: ЕГЭ history
    Pupil(
        requests=["ЕГЭ история"],
        right=("hist_soc",),
        group_name="11Г",
    ),
    # hard: РАС senior, university choice and independence
    Pupil(
        requests=["РАС", "поступление", "жить самому"],
        right=("tutor", "career"),
        group_name="11А",
        request_text="Юноша с аутизмом, сильный в информатике. Боится общежития и собеседований, хочет понять, какая работа ему подойдёт.",
        special_needs=True,
    ),
    # medium: medical university ЕГЭ chem-bio
    Pupil(
        requests=["медвуз", "ЕГЭ хим+био"],
        right=("biochem",),
        group_name="11А",
    ),
    # medium: game dev portfolio
    Pupil(
        requests=["геймдев", "Unity", "пет-проект"],
        right=("it_dev", "inf"),
        group_name="10Ф",
    ),
    # hard: 'don't know what I want' is apathy since summer: the psychologist before the career talk
    Pupil(
        requests=["не знаю чего хочу", "ничего не интересно"],
        right=("psych", "career"),
        group_name="10А",
        request_text="С лета ничего не хочет, лежит, в кружки перестал ходить. Мама думает — надо определиться с профессией.",
    ),
    # medium: public speaking for MUN
    Pupil(
        requests=["модель ООН", "английский"],
        right=("hist_soc", "lang", "debate"),
        group_name="10Г",
    ),
    # medium: burned out by tutoring, but asks for a study plan
    Pupil(
        requests=["как распределить подготовку", "репетиторы"],
        right=("peer_11f",),
        group_name="9Ф",
        request_text="Хочу план подготовки к ОГЭ, чтобы не сидеть до ночи. Нужен кто-то, кто сам через это прошёл.",
    ),
    # easy: informatics olympiad, senior
    Pupil(
        requests=["олимпиада по информатике", "алгоритмы"],
        right=("inf",),
        group_name="10Ф",
    ),
    # medium: migrant senior, ЕГЭ Russian as a second language
    Pupil(
        requests=["ЕГЭ по русскому", "русский не родной"],
        right=("rki", "rusl"),
        group_name="11А",
    ),
    # hard: online bullying, senior: intimate photos leaked
    Pupil(
        requests=[],
        right=("psych", "socped"),
        group_name="10А",
        request_text="Бывший парень разослал её фото по чатам школы. Девочка не выходит из дома третий день, мама в панике.",
        at_risk=True,
    ),
    # medium: basketball captain, sports university
    Pupil(
        requests=["баскетбол", "спортивный вуз"],
        right=("coach", "career"),
        group_name="11А",
    ),
    # medium: literature club senior, writing
    Pupil(
        requests=["литклуб", "свой сборник стихов"],
        right=("rusl",),
        group_name="10Г",
    ),
    # hard: father's pressure for MIPT; the son wants philology — the conflict, not the exam
    Pupil(
        requests=["физтех (папа)", "филология (я)"],
        right=("career", "psych"),
        group_name="10Ф",
        request_text="Папа выпускник Физтеха, ждёт того же. Сын хочет на филфак, боится сказать. По физике 5, но 'это не моё'.",
    ),
    # medium: biology olympiad
    Pupil(
        requests=["ВсОШ биология", "регион"],
        right=("biochem",),
        group_name="10А",
    ),
    # medium: podcast about science
    Pupil(
        requests=["научпоп подкаст", "монтаж"],
        right=("radio",),
        group_name="10Ф",
    ),
    # hard: self-harm history, now recovering; wants to help others (psych class)
    Pupil(
        requests=["хочу помогать подросткам", "психология"],
        right=("psych", "pedklass"),
        group_name="10П",
        request_text="Сама прошла через самоповреждения, сейчас лучше, наблюдается у психотерапевта. Хочет стать психологом.",
    ),
    # easy: IT career
    Pupil(
        requests=["карьера в IT", "куда поступать"],
        right=("it_dev", "career"),
        group_name="11Ф",
    ),
    # medium: law faculty, debates
    Pupil(
        requests=["юрфак", "хочу быть адвокатом"],
        right=("debate", "hist_soc"),
        group_name="11Г",
    ),
    # hard: migrant senior, works nights at a delivery service, grades down
    Pupil(
        requests=["работаю курьером", "не успеваю"],
        right=("socped", "psych"),
        group_name="10А",
        request_text="Парень из Киргизии, живёт с дядей, сам себя обеспечивает. Ночью развозит заказы, на уроках спит.",
        at_risk=True,
    ),
    # medium: vocal, music college
    Pupil(
        requests=["эстрадный вокал", "колледж искусств"],
        right=("music", "career"),
        group_name="10А",
    ),
    # medium: 10П, vozhaty at a summer camp
    Pupil(
        requests=["вожатый летом", "школа вожатых"],
        right=("pedklass",),
        group_name="10П",
    ),
    # hard: exam anxiety disguised as a maths request in 11th
    Pupil(
        requests=["ЕГЭ профиль", "на пробнике 40 баллов хотя знаю на 80"],
        right=("psych", "math_ol"),
        group_name="11Ф",
        request_text="Дома решает всё, на пробнике в аудитории 'белый лист'. Сердце колотится, руки холодные.",
    ),
    # medium: ЕГЭ English
    Pupil(
        requests=["ЕГЭ англ", "эссе 38"],
        right=("lang",),
        group_name="11А",
    ),
    # medium: arduino smart home
    Pupil(
        requests=["умный дом на ардуино", "проект"],
        right=("robo",),
        group_name="11Ф",
    ),
    # hard: РАС senior in 11Ф, the request is a classmate conflict about group work
    Pupil(
        requests=["проект в группе", "конфликт"],
        right=("tutor", "psych"),
        group_name="11Ф",
        request_text="Ученик с РАС, учится в физмате. На групповом проекте поссорился со всеми, 'они делают неправильно'. Оценка под угрозой.",
        special_needs=True,
    ),
    # medium: pedagogy: speech therapist career
    Pupil(
        requests=["логопедия как профессия", "дефектология"],
        right=("pedklass", "career"),
        group_name="11П",
    ),
    # easy: athletics, ГТО
    Pupil(
        requests=["ГТО", "бег"],
        right=("coach",),
        group_name="10А",
    ),
    # hard: a boy vaping and selling vapes at school; at risk
    Pupil(
        requests=[],
        right=("socped", "coach"),
        group_name="10А",
        request_text="Продаёт вейпы младшим в туалете. Родители в разводе, живёт то у отца, то у бабушки. Раньше играл в баскетбол.",
        at_risk=True,
    ),
    # medium: history olympiad senior
    Pupil(
        requests=["олимпиада по истории", "перечневая"],
        right=("hist_soc",),
        group_name="10Г",
    ),
    # medium: university choice for a humanities pupil: BVI
    Pupil(
        requests=["БВИ", "какие олимпиады дают льготы"],
        right=("career",),
        group_name="10Г",
    ),
    # hard: gifted, 'everything is too easy', has no peers; senior refuses psych
    Pupil(
        requests=["скучно", "к психологу не надо"],
        right=("math_ol", "phys"),
        group_name="10Ф",
        request_text="Решает задачи за университет, одноклассники ему неинтересны. Сказал, что с психологом говорить не будет, 'мне нужны задачи, а не разговоры'.",
    ),
    # medium: broadcasting career, sound engineering
    Pupil(
        requests=["звукорежиссёр", "монтаж звука"],
        right=("radio", "music"),
        group_name="11А",
    ),
    # medium: stage speaking fear, senior debater
    Pupil(
        requests=["боюсь выступать", "дебаты"],
        right=("debate", "psych"),
        group_name="10А",
    ),
    # hard: a pupil in 11П says she can't eat before school: anxiety or ED
    Pupil(
        requests=["не могу есть утром", "тошнит перед школой"],
        right=("psych",),
        group_name="11П",
    ),
    # medium: parental divorce, the senior has to choose where to live before university
    Pupil(
        requests=["родители разводятся", "куда переезжать"],
        right=("psych", "socped"),
        group_name="11А",
    ),
    # medium: robotics olympiad NTO
    Pupil(
        requests=["НТО", "инженерные соревнования"],
        right=("robo", "inf"),
        group_name="10Ф",
    ),
    # medium: social project: Russian lessons for migrant kids (senior volunteer)
    Pupil(
        requests=["хочу учить детей мигрантов русскому", "волонтёрство"],
        right=("rki", "pedklass"),
        group_name="10П",
    ),
    # hard: the mother's voice: 'he sits in his room, only computer' — no risk signs, needs IT
    Pupil(
        requests=["сидит за компом"],
        right=("it_dev", "inf"),
        group_name="10Б",
        request_text="Мама волнуется, что сын целыми днями за компьютером. Классный руководитель: учится хорошо, общается, просто пишет бота для телеграма и хочет в IT.",
    ),
    # medium: senior physics teacher wanted for a research paper
    Pupil(
        requests=["исследовательская работа", "физика"],
        right=("phys",),
        group_name="10Ф",
    ),
    # medium: choice between psychology and medicine
    Pupil(
        requests=["психология или медицина"],
        right=("career", "pedklass", "biochem"),
        group_name="10П",
    ),
    # hard: loneliness in a new city for a senior from Donetsk
    Pupil(
        requests=["переехали из Донецка", "ни с кем не общаюсь"],
        right=("psych", "socped"),
        group_name="10Б",
    ),
    # medium: a Chinese senior, Russian for ЕГЭ and the university
    Pupil(
        requests=["РКИ", "поступление в российский вуз"],
        right=("rki", "career"),
        group_name="10Б",
    ),
    # hard: at-risk senior, cutting classes to stream games
    Pupil(
        requests=["стримы", "прогулы"],
        right=("radio", "socped"),
        group_name="10Б",
        request_text="Прогуливает, ночами стримит на твиче. Заработал немного, считает, что школа не нужна. Голос и подача — как у профи.",
        at_risk=True,
    ),
    # medium: peer mentoring desire: wants to mentor 5th graders
    Pupil(
        requests=["быть наставником пятиклассников"],
        right=("pedklass",),
        group_name="10П",
    ),
    # medium: humanities senior, wants maths for the economics faculty
    Pupil(
        requests=["экономфак", "математика для гуманитария"],
        right=("math_ol", "career"),
        group_name="10Г",
    ),
    # hard: senior: mother's new partner, conflict at home, wants to leave
    Pupil(
        requests=["хочу съехать из дома"],
        right=("psych", "socped"),
        group_name="11Б",
        request_text="С отчимом постоянные конфликты, мама на его стороне. Говорит, после 18 уйдёт жить к другу, учиться бросит.",
        at_risk=True,
    ),
    # medium: chemistry but 10Ф: medical physics
    Pupil(
        requests=["медицинская физика", "биофизика"],
        right=("phys", "biochem"),
        group_name="10Ф",
    ),
    # medium: English speaking club, shy
    Pupil(
        requests=["разговорный английский", "стесняюсь говорить"],
        right=("lang",),
        group_name="10Б",
    ),
    # medium: city history podcast
    Pupil(
        requests=["подкаст про историю города"],
        right=("radio", "hist_soc"),
        group_name="11Г",
    ),
    # hard: autistic girl, 7th, conflicts with a teacher over literal understanding
    Pupil(
        requests=["конфликт с учителем"],
        right=("tutor", "psych"),
        group_name="7Б",
        request_text="Девочка с РАС понимает всё буквально, учитель литературы считает, что она издевается. Дважды выгоняли из класса.",
        special_needs=True,
    ),
    # medium: 8th grader, programming robots
    Pupil(
        requests=["программирование роботов"],
        right=("robo", "inf"),
        group_name="8А",
    ),
    # medium: 5th, fast reader, loves podcasts; peers
    Pupil(
        requests=["хочу в радиокружок", "мне 11 лет"],
        right=("peer_10g",),
        group_name="5А",
    ),
    # medium: 6th, new, wants friends, plays basketball
    Pupil(
        requests=["новенький", "баскетбол"],
        right=("coach", "peer_11p"),
        group_name="6А",
    ),
    # hard: 9th grader refuses ОГЭ, says 'what for', from a divorcing family
    Pupil(
        requests=["не буду сдавать ОГЭ"],
        right=("psych", "socped", "career"),
        group_name="9Г",
        request_text="Родители разводятся, каждый тянет к себе. Заявил, что ОГЭ сдавать не будет и пойдёт в колледж без аттестата.",
        at_risk=True,
    ),
]
