//! Every word a plot shows, in English and Russian: one table, one lookup.
//!
//! ```
//! use gomem::plot::i18n::{tr, Key, Lang};
//! assert_eq!(tr(Key::HeapGoal, Lang::En), "heap goal");
//! assert_eq!(tr(Key::HeapGoal, Lang::Ru), "цель кучи");
//! ```

/// The language of a plot's text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    #[default]
    En,
    Ru,
}

macro_rules! table {
    ($($key:ident => $en:literal, $ru:literal;)*) => {
        /// A piece of plot text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key,)* }

        /// Every key with its English and Russian text.
        pub const TABLE: &[(Key, &str, &str)] = &[$((Key::$key, $en, $ru),)*];

        /// The text of `key` in `lang`.
        pub fn tr(key: Key, lang: Lang) -> &'static str {
            match (key, lang) {
                $((Key::$key, Lang::En) => $en, (Key::$key, Lang::Ru) => $ru,)*
            }
        }
    };
}

table! {
    Time => "time", "время";
    HeapTitle => "Heap over time", "Куча во времени";
    HeapAxis => "heap", "куча";
    HeapInUse => "heap in use", "занято в куче";
    LiveAfterMark => "live heap after mark", "живая куча после разметки";
    HeapGoal => "heap goal", "цель кучи";
    Trigger => "GC trigger", "порог запуска GC";
    MemoryLimit => "GOMEMLIMIT", "GOMEMLIMIT";
    GcCycle => "GC cycle", "цикл GC";
    StwPause => "STW pause", "пауза STW";
    TimelineTitle => "GC phases per P", "Фазы GC по процессорам P";
    Processor => "P", "P";
    Mutator => "mutator", "мутатор";
    WorkerDedicated => "dedicated worker", "выделенный воркер";
    WorkerFractional => "fractional worker", "дробный воркер";
    WorkerIdle => "idle worker", "воркер простоя";
    Assist => "mark assist", "помощь в разметке";
    StwSweepTermination => "STW sweep termination", "STW: завершение очистки";
    StwMarkTermination => "STW mark termination", "STW: завершение разметки";
    Sweeping => "sweeping", "очистка";
    SizeClassTitle => "Objects by size class", "Объекты по классам размеров";
    SizeClassAxis => "size class (slot size, bytes)", "класс размеров (размер слота, байт)";
    Objects => "objects", "объекты";
    Bytes => "bytes", "байты";
    Requested => "requested", "запрошено";
    Fragmentation => "internal fragmentation", "внутренняя фрагментация";
    Large => "large", "большие";
    StacksTitle => "Goroutine stacks", "Стеки горутин";
    StackSize => "stack size", "размер стека";
    Growth => "growth", "рост";
    Shrink => "shrink", "сжатие";
    Goroutine => "goroutine", "горутина";
    HeapMapTitle => "Heap map (spans)", "Карта кучи (спаны)";
    Free => "free", "свободен";
    Allocated => "allocated", "занят";
    Grey => "grey", "серый";
    Black => "black", "чёрный";
    Swept => "swept", "очищен";
    CompareTitle => "Two runs compared", "Сравнение двух запусков";
    Cycles => "GC cycles", "циклов GC";
    Goal => "goal", "цель";
    NoData => "no data", "нет данных";
}
